//! The HTML fact-check report in a real browser: headless Chromium, driven through chromedriver
//! and the W3C WebDriver protocol, opens the report `claimdex check --format html` wrote, the
//! verdict and document filters hide and show rows as a user's choices ask, and markup planted in
//! a document's text (`tests/fixtures/check_html/planted-markup.txt`) is shown as text, never run.
//!
//! Needs Debian's `chromium` and `chromium-driver` packages; run as root, the test installs them
//! when they are missing (as `.ci/run` does), otherwise it fails saying what to install.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{claimdex_in, repo_root, stderr, stdout};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PLANTED_DOC: &str = "planted-markup";

#[test]
fn html_report_opens_filters_and_never_runs_planted_markup() {
    ensure_browser();
    let dir = tempfile::tempdir().unwrap();
    crate::common::planted_markup_corpus(dir.path());
    let datasets = repo_root().join("corpus/datasets");
    let report = dir.path().join("report.html");
    let output = claimdex_in(dir.path())
        .args(["--index", "index", "--datasets"])
        .arg(&datasets)
        .args(["check", "--format", "html", "--output"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The same run as JSON Lines says which rows the page must have.
    let output = claimdex_in(dir.path())
        .args(["--index", "index", "--datasets"])
        .arg(&datasets)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected: Vec<(String, String)> = stdout(&output)
        .lines()
        .map(|line| {
            let result: Value = serde_json::from_str(line).unwrap();
            (
                result["verdict"].as_str().unwrap().to_string(),
                result["claim"]["doc"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let planted_rows = expected
        .iter()
        .filter(|(_, doc)| doc == PLANTED_DOC)
        .count();
    assert!(planted_rows >= 1, "the planted document has no result");
    assert!(expected.iter().any(|(verdict, _)| verdict == "supported"));

    let browser = Browser::start(dir.path());
    browser.open(&report);

    // It opened: the title, and one row per result with the verdict counts the header states.
    assert_eq!(browser.title(), "claimdex fact-check report");
    let rows = browser.find_all(".result");
    assert_eq!(rows.len(), expected.len());
    for verdict in [
        "supported",
        "close",
        "contradicted",
        "not_comparable",
        "unverifiable",
    ] {
        let want = expected.iter().filter(|(v, _)| v == verdict).count();
        let rows_with = browser
            .find_all(&format!(".result[data-verdict=\"{verdict}\"]"))
            .len();
        assert_eq!(rows_with, want, "{verdict} rows");
        let stated: usize = browser
            .script(&format!(
                "return document.querySelector('p .badge.{verdict}').nextSibling.textContent.trim();"
            ))
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(stated, want, "{verdict} count in the header");
    }
    assert_eq!(browser.displayed_rows(), all_rows(&expected));

    // The verdict filter, chosen as a user would: click the option.
    browser.choose("verdict", "supported");
    let supported = rows_where(&expected, Some("supported"), None);
    assert!(supported.len() < expected.len());
    assert_eq!(browser.displayed_rows(), supported);

    // Then the document filter on top of it.
    browser.choose("doc", PLANTED_DOC);
    let planted_supported = rows_where(&expected, Some("supported"), Some(PLANTED_DOC));
    assert!(!planted_supported.is_empty());
    assert_eq!(browser.displayed_rows(), planted_supported);

    // Back to every verdict of the planted document, then everything.
    browser.choose("verdict", "");
    assert_eq!(
        browser.displayed_rows(),
        rows_where(&expected, None, Some(PLANTED_DOC))
    );
    browser.choose("doc", "");
    assert_eq!(browser.displayed_rows(), all_rows(&expected));

    // The planted markup never ran: no global, the title unchanged, no element made from it,
    // and the markup is on the page as text.
    assert_eq!(
        browser.script("return typeof window.__planted;"),
        json!("undefined")
    );
    assert_eq!(browser.title(), "claimdex fact-check report");
    assert_eq!(
        browser.script("return document.querySelectorAll('script').length;"),
        json!(1)
    );
    assert_eq!(
        browser.script("return document.querySelectorAll('img, svg').length;"),
        json!(0)
    );
    let planted_text = browser.script(&format!(
        "return Array.from(document.querySelectorAll('.result[data-doc=\"{PLANTED_DOC}\"]')).map(function(r){{return r.textContent;}}).join('\\n');"
    ));
    let planted_text = planted_text.as_str().unwrap();
    assert!(
        planted_text.contains("<script>window.__planted=1;document.title='PWNED'</script>"),
        "{planted_text}"
    );
    assert!(
        planted_text.contains("<img src=x onerror=\"window.__planted=2;document.title='PWNED'\">"),
        "{planted_text}"
    );
}

/// Row keys `(verdict, doc)` → how many, for the results a filter keeps.
fn rows_where(
    expected: &[(String, String)],
    verdict: Option<&str>,
    doc: Option<&str>,
) -> BTreeMap<(String, String), usize> {
    let mut counts = BTreeMap::new();
    for (v, d) in expected {
        if verdict.is_none_or(|want| want == v) && doc.is_none_or(|want| want == d) {
            *counts.entry((v.clone(), d.clone())).or_insert(0) += 1;
        }
    }
    counts
}

fn all_rows(expected: &[(String, String)]) -> BTreeMap<(String, String), usize> {
    rows_where(expected, None, None)
}

/// Installs chromium and chromedriver when missing and running as root; otherwise fails with
/// one line saying what to install.
pub(crate) fn ensure_browser() {
    let present = || Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if present() {
        return;
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0");
    assert!(
        root,
        "this test needs {CHROMIUM} and {CHROMEDRIVER}: run `apt-get install chromium chromium-driver` as root"
    );
    let installed = Command::new("sh")
        .args([
            "-c",
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver",
        ])
        .status()
        .unwrap();
    assert!(
        installed.success() && present(),
        "apt-get could not install chromium and chromium-driver; install them to run this test"
    );
}

/// A chromedriver process and one headless Chromium session, ended on drop.
pub(crate) struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Browser {
    pub(crate) fn start(scratch: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
        };
        // chromedriver answers /status once it listens; poll a bounded number of times.
        let mut ready = false;
        for _ in 0..100 {
            if let Ok((_, body)) = browser.http("GET", "/status", None) {
                if body["value"]["ready"] == json!(true) {
                    ready = true;
                    break;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(ready, "chromedriver did not start on port {port}");
        let profile: PathBuf = scratch.join("chromium-profile");
        let capabilities = json!({
            "capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        format!("--user-data-dir={}", profile.display()),
                    ],
                },
            }},
        });
        let value = browser.call("POST", "/session", Some(capabilities));
        browser.session = value["sessionId"].as_str().unwrap().to_string();
        browser
    }

    pub(crate) fn open(&self, page: &Path) {
        let url = format!("file://{}", page.display());
        self.call("POST", &self.path("url"), Some(json!({ "url": url })));
    }

    pub(crate) fn open_url(&self, url: &str) {
        self.call("POST", &self.path("url"), Some(json!({ "url": url })));
    }

    pub(crate) fn current_url(&self) -> String {
        self.call("GET", &self.path("url"), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A PNG of the window as it is now.
    pub(crate) fn screenshot(&self) -> Vec<u8> {
        let encoded = self.call("GET", &self.path("screenshot"), None);
        decode_base64(encoded.as_str().unwrap())
    }

    /// Sets the window's size (for a screenshot a reader can use).
    pub(crate) fn resize(&self, width: u32, height: u32) {
        self.call(
            "POST",
            &self.path("window/rect"),
            Some(json!({"width": width, "height": height})),
        );
    }

    pub(crate) fn title(&self) -> String {
        self.call("GET", &self.path("title"), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    pub(crate) fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            &self.path("execute/sync"),
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Element ids of every element matching a CSS selector.
    pub(crate) fn find_all(&self, selector: &str) -> Vec<String> {
        let found = self.call(
            "POST",
            &self.path("elements"),
            Some(json!({"using": "css selector", "value": selector})),
        );
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|element| {
                element
                    .as_object()
                    .unwrap()
                    .values()
                    .next()
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    /// Picks an option of the `<select id=select_id>` by clicking it, as a user does.
    fn choose(&self, select_id: &str, value: &str) {
        let select = self.find_all(&format!("#{select_id}"));
        assert_eq!(select.len(), 1, "no #{select_id}");
        self.click(&select[0]);
        let option = self.find_all(&format!("#{select_id} option[value=\"{value}\"]"));
        assert_eq!(option.len(), 1, "no option {value:?} in #{select_id}");
        self.click(&option[0]);
        let chosen = self.script(&format!(
            "return document.getElementById('{select_id}').value;"
        ));
        assert_eq!(chosen, json!(value));
    }

    pub(crate) fn click(&self, element: &str) {
        self.call(
            "POST",
            &self.path(&format!("element/{element}/click")),
            Some(json!({})),
        );
    }

    /// The rows the browser displays, as `(verdict, doc)` → how many, read through WebDriver's
    /// "is displayed" for every row.
    fn displayed_rows(&self) -> BTreeMap<(String, String), usize> {
        let mut counts = BTreeMap::new();
        for row in self.find_all(".result") {
            let shown = self.call("GET", &self.path(&format!("element/{row}/displayed")), None);
            if shown != json!(true) {
                continue;
            }
            let attribute = |name: &str| {
                self.call(
                    "GET",
                    &self.path(&format!("element/{row}/attribute/{name}")),
                    None,
                )
                .as_str()
                .unwrap()
                .to_string()
            };
            *counts
                .entry((attribute("data-verdict"), attribute("data-doc")))
                .or_insert(0) += 1;
        }
        counts
    }

    fn path(&self, command: &str) -> String {
        format!("/session/{}/{command}", self.session)
    }

    /// One WebDriver command; its `value`, or a failed test naming the WebDriver error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, reply) = self.http(method, path, body).unwrap();
        assert!(
            status == 200,
            "WebDriver {method} {path}: HTTP {status}: {reply}"
        );
        reply["value"].clone()
    }

    /// A minimal HTTP/1.1 exchange with chromedriver (one connection per request).
    fn http(&self, method: &str, path: &str, body: Option<Value>) -> std::io::Result<(u16, Value)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        let body = body.map(|value| value.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(request.as_bytes())?;
        // chromedriver keeps the connection open despite `Connection: close`: read the header,
        // then exactly the body it announces. The read timeout only stops a hung driver from
        // hanging the test; nothing here measures time.
        stream.set_read_timeout(Some(std::time::Duration::from_secs(300)))?;
        let mut response = Vec::new();
        let mut buffer = [0u8; 8192];
        let (head, body_start) = loop {
            if let Some(split) = response.windows(4).position(|window| window == b"\r\n\r\n") {
                break (
                    String::from_utf8_lossy(&response[..split]).to_ascii_lowercase(),
                    split + 4,
                );
            }
            let read = stream.read(&mut buffer)?;
            if read == 0 {
                return Err(std::io::Error::other("connection closed before the header"));
            }
            response.extend_from_slice(&buffer[..read]);
        };
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| std::io::Error::other("no HTTP status"))?;
        let header = |name: &str| {
            head.lines().find_map(|line| {
                let (key, value) = line.split_once(':')?;
                (key.trim() == name).then(|| value.trim().to_string())
            })
        };
        let chunked = header("transfer-encoding").is_some_and(|value| value == "chunked");
        let length: Option<usize> = header("content-length").and_then(|value| value.parse().ok());
        loop {
            let have = &response[body_start..];
            let complete = match length {
                Some(length) => have.len() >= length,
                None if chunked => have.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if complete {
                break;
            }
            let read = stream.read(&mut buffer)?;
            if read == 0 {
                break;
            }
            response.extend_from_slice(&buffer[..read]);
        }
        let rest = &response[body_start..];
        let body = if chunked {
            dechunk(rest)
        } else {
            rest[..length.unwrap_or(rest.len()).min(rest.len())].to_vec()
        };
        let value = serde_json::from_slice(&body).map_err(std::io::Error::other)?;
        Ok((status, value))
    }
}

/// Standard base64 (WebDriver's screenshots), padding and line breaks ignored.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |byte: u8| -> Option<u32> {
        match byte {
            b'A'..=b'Z' => Some(u32::from(byte - b'A')),
            b'a'..=b'z' => Some(u32::from(byte - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(byte - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0u32;
        for (at, digit) in chunk.iter().enumerate() {
            bits |= digit << (18 - 6 * at);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

/// The body of a chunked HTTP response.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(line_end) = rest.windows(2).position(|window| window == b"\r\n") {
        let size = std::str::from_utf8(&rest[..line_end])
            .ok()
            .and_then(|size| usize::from_str_radix(size.trim(), 16).ok())
            .unwrap_or(0);
        let after = &rest[line_end + 2..];
        if size == 0 || after.len() < size {
            break;
        }
        body.extend_from_slice(&after[..size]);
        rest = after[size..]
            .strip_prefix(b"\r\n")
            .unwrap_or(&after[size..]);
    }
    body
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.http("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
