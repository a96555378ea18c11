//! `claimdex serve`: the desk's pages and JSON endpoints over HTTP on loopback (each page opens,
//! filters change results and the URL, a planted `<script>` stays text, an unknown document is a
//! 404, a review posted from a page shows on the report, 200 requests from 20 clients all
//! answer), and in headless Chromium through WebDriver (a facet click filters the hits and the
//! URL, planted markup never runs, and the document page's screenshot).

use crate::check_html_browser::{ensure_browser, Browser};
use crate::common::repo_root;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const PLANTED: &str = "planted-markup";
const ECUADOR: &str = "niskanen-2024-ecuador-entry-data-chinese-migration";

/// A `claimdex serve` on a free loopback port over a fixture corpus (two bundled articles and
/// the planted-markup file), stopped on drop.
struct Server {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        crate::common::planted_markup_corpus(dir.path());
        let datasets = repo_root().join("corpus/datasets");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdex"))
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("CLAIMDEX_INDEX")
            .args(["--index", "index", "--datasets"])
            .arg(&datasets)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let port = first
            .trim()
            .strip_prefix("serving http://127.0.0.1:")
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        Server {
            child,
            port,
            _dir: dir,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// A request in HTTP/1.0, read to the end: (status, headers, body).
    fn request(&self, method: &str, path: &str, form: Option<&str>) -> (u16, String, String) {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        let body = form.unwrap_or("");
        write!(
            stream,
            "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        (status, head.to_string(), body.to_string())
    }

    fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.request("GET", path, None);
        (status, body)
    }

    fn json(&self, path: &str) -> Vec<Value> {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "{path}: {body}");
        serde_json::from_str::<Value>(&body)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_desk_answers_filters_escapes_reviews_and_bears_load() {
    let server = Server::start();

    // Every page opens.
    for path in [
        "/search?q=Chinese+migrants",
        &format!("/doc/{ECUADOR}"),
        "/claims",
        "/claims?unattributed=1&min_score=0.3",
        "/sources",
        "/check",
        "/check?verdict=unverifiable",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 200, "{path}: {body}");
        assert!(body.starts_with("<!DOCTYPE html>"), "{path}");
    }
    // Garbage in the query string or a form is a 400 (or 422) saying what is wrong, never a crash.
    for (path, says) in [
        ("/search?q=migrants&year=abc", "not a year"),
        ("/claims?min_score=lots", "not a check-worthiness score"),
        ("/check?verdict=maybe", "unknown verdict"),
        ("/api/check?verdict=maybe", "unknown verdict"),
        ("/api/claims?min_score=lots", "not a check-worthiness score"),
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body.contains(says), "{path}: {body}");
    }
    let (status, _, _) = server.request("POST", "/review", Some("verdict=supported"));
    assert!((400..500).contains(&status), "{status}");
    let (status, body) = server.get("/doc/no-such-document");
    assert_eq!(status, 404);
    assert!(body.contains("no document"), "{body}");

    // A filter narrows the results, and the page's links carry it in the URL.
    let all = server.json("/api/search?q=Chinese+migrants");
    let one = server.json(&format!("/api/search?q=Chinese+migrants&doc={ECUADOR}"));
    assert!(
        !one.is_empty() && one.len() < all.len(),
        "{} {}",
        one.len(),
        all.len()
    );
    assert!(one.iter().all(|hit| hit["doc"] == ECUADOR));
    let (_, page) = server.get("/search?q=Chinese+migrants");
    assert!(
        page.contains(&format!("/search?doc={ECUADOR}&amp;q=Chinese+migrants")),
        "the facet link sets the filter in the URL"
    );
    let contradicted = server.json("/api/check?verdict=contradicted");
    assert!(contradicted
        .iter()
        .all(|result| result["verdict"] == "contradicted"));
    let checked = server.json("/api/check");
    assert!(checked.len() > contradicted.len());
    let sources = server.json("/api/sources");
    assert!(sources
        .iter()
        .all(|source| source["claims"].as_u64().unwrap() > 0));

    // Markup planted in a document is text on its page.
    let (status, planted) = server.get(&format!("/doc/{PLANTED}"));
    assert_eq!(status, 200);
    assert!(!planted.contains("<script>window.__planted"), "{planted}");
    assert!(!planted.contains("<img src=x"), "{planted}");
    assert!(
        planted.contains("&lt;script&gt;window.__planted"),
        "{planted}"
    );

    // A review posted from a page is recorded and shown beside the machine's verdict.
    let result = &checked[0];
    let claim = result["claim"]["id"].as_str().unwrap();
    let (status, head, _) = server.request(
        "POST",
        "/review",
        Some(&format!(
            "claim={claim}&verdict=not_comparable&note=another+vintage&by=Desk+Test&back=%2Fcheck"
        )),
    );
    assert_eq!(status, 303, "{head}");
    assert!(head.to_lowercase().contains("location: /check"), "{head}");
    let after = server.json("/api/check");
    let reviewed = after
        .iter()
        .find(|result| result["claim"]["id"] == claim)
        .unwrap();
    assert_eq!(reviewed["review"]["verdict"], "not_comparable");
    assert_eq!(reviewed["review"]["by"], "Desk Test");
    let (status, _, _) = server.request(
        "POST",
        "/review",
        Some("claim=nope&verdict=supported&back=%2Fcheck"),
    );
    assert_eq!(status, 400);

    // 200 requests from 20 clients at once: every one answered 200.
    let paths = [
        "/search?q=Ecuador".to_string(),
        format!("/doc/{ECUADOR}"),
        "/claims".to_string(),
        "/api/check?verdict=supported".to_string(),
    ];
    let port = server.port;
    let clients: Vec<_> = (0..20)
        .map(|client| {
            let paths = paths.clone();
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                for request in 0..10 {
                    let path = &paths[(client + request) % paths.len()];
                    let started = Instant::now();
                    let status = (|| -> std::io::Result<u16> {
                        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
                        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
                        write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
                        let mut response = Vec::new();
                        stream.read_to_end(&mut response)?;
                        let head = String::from_utf8_lossy(&response[..response.len().min(20)])
                            .to_string();
                        Ok(head
                            .split_whitespace()
                            .nth(1)
                            .and_then(|s| s.parse().ok())
                            .unwrap_or(0))
                    })()
                    .unwrap_or(0);
                    answers.push((status, started.elapsed()));
                }
                answers
            })
        })
        .collect();
    let mut answers: Vec<(u16, Duration)> = clients
        .into_iter()
        .flat_map(|client| client.join().unwrap())
        .collect();
    assert_eq!(answers.len(), 200);
    let errors = answers.iter().filter(|(status, _)| *status != 200).count();
    answers.sort_by_key(|(_, took)| *took);
    // Reported for the README, not asserted: this is no benchmark.
    eprintln!(
        "load: {} requests, {errors} errors, p50 {:?}, p95 {:?}",
        answers.len(),
        answers[99].1,
        answers[189].1
    );
    assert_eq!(errors, 0);
}

#[test]
fn the_desk_in_a_browser_filters_by_facet_and_never_runs_planted_markup() {
    ensure_browser();
    let server = Server::start();
    let scratch = tempfile::tempdir().unwrap();
    let browser = Browser::start(scratch.path());

    // Every page opens in the browser with its own content; an unknown document says so.
    for (path, selector) in [
        ("/search?q=Chinese+migrants".to_string(), "div.hit"),
        (format!("/doc/{ECUADOR}"), "div.passage"),
        ("/claims".to_string(), "div.card"),
        ("/sources".to_string(), "div.card"),
        ("/check".to_string(), "section[data-verdict]"),
    ] {
        browser.open_url(&server.url(&path));
        assert!(
            browser.title().ends_with("— claimdex"),
            "{path}: {}",
            browser.title()
        );
        assert!(
            !browser.find_all(selector).is_empty(),
            "{path}: no {selector}"
        );
    }
    browser.open_url(&server.url("/doc/no-such-document"));
    assert!(
        browser.title().starts_with("Not found"),
        "{}",
        browser.title()
    );

    // Clicking a facet narrows the hits and writes the filter into the URL.
    browser.open_url(&server.url("/search?q=Chinese+migrants"));
    let count = |browser: &Browser| browser.find_all("div.hit").len();
    let before = count(&browser);
    assert!(before > 1, "{before}");
    let total =
        |browser: &Browser| browser.script("return document.getElementById('total').textContent;");
    let total_before = total(&browser);
    let facet = browser.find_all("ul[data-facet=doc] a");
    assert!(facet.len() >= 2, "{}", facet.len());
    browser.click(&facet[0]);
    let url = browser.current_url();
    assert!(url.contains("doc="), "{url}");
    assert_ne!(total(&browser), total_before);
    let removable = browser.find_all("a.removable");
    assert_eq!(removable.len(), 1);
    browser.click(&removable[0]);
    assert!(!browser.current_url().contains("doc="));
    assert_eq!(total(&browser), total_before);

    // Planted markup is shown as text and never runs.
    browser.open_url(&server.url(&format!("/doc/{PLANTED}")));
    assert_eq!(
        browser.script("return typeof window.__planted;"),
        "undefined"
    );
    assert!(!browser.title().contains("PWNED"));
    let text = browser.script("return document.body.innerText;");
    assert!(
        text.as_str()
            .unwrap()
            .contains("<script>window.__planted=1"),
        "{text}"
    );

    // The document page, figures marked by verdict: its screenshot for the README.
    browser.resize(1280, 900);
    browser.open_url(&server.url(&format!("/doc/{ECUADOR}")));
    let marked = browser.find_all("mark.fig.supported");
    assert!(!marked.is_empty());
    let png = browser.screenshot();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    // Cargo's scratch folder for integration tests: it exists wherever the target folder is
    // (a `CARGO_TARGET_DIR` outside the clone too, where `target/` of the repository does not).
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-document.png");
    std::fs::write(&target, &png).unwrap();
    // `CLAIMDEX_UPDATE_SCREENSHOT=1 cargo test serve` refreshes the committed one.
    if std::env::var_os("CLAIMDEX_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(repo_root().join("docs/serve-document.png"), &png).unwrap();
    }
    let _ = Path::new(&target);
}
