//! The query string of a desk page: every filter of the page, read from the URL and written
//! back into the links that change one of them, so a page can be sent as a link.

use std::collections::BTreeMap;

/// A page's query-string parameters, in name order (so one set of filters is one URL).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Params(pub BTreeMap<String, String>);

impl Params {
    /// A parameter's value, when present and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .map(str::trim)
            .filter(|value| !value.is_empty())
    }

    /// The 1-based page number (1 when absent or not a number).
    pub fn page(&self) -> usize {
        self.get("page")
            .and_then(|page| page.parse().ok())
            .filter(|page| *page >= 1)
            .unwrap_or(1)
    }

    /// The URL of `path` with these parameters, `name` set to `value` (or removed for `None`)
    /// and the page reset to the first (a new filter starts a new list).
    pub fn with(&self, path: &str, name: &str, value: Option<&str>) -> String {
        let mut next = self.0.clone();
        next.remove("page");
        match value {
            Some(value) => next.insert(name.to_string(), value.to_string()),
            None => next.remove(name),
        };
        url(path, &next)
    }

    /// The URL of `path` with these parameters at page `page`.
    pub fn at_page(&self, path: &str, page: usize) -> String {
        let mut next = self.0.clone();
        if page <= 1 {
            next.remove("page");
        } else {
            next.insert("page".into(), page.to_string());
        }
        url(path, &next)
    }

    /// The URL of `path` with exactly these parameters.
    pub fn url(&self, path: &str) -> String {
        url(path, &self.0)
    }
}

fn url(path: &str, params: &BTreeMap<String, String>) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// `application/x-www-form-urlencoded`: unreserved bytes as they are, a space as `+`, every
/// other byte as `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params(
            pairs
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_link_changes_one_filter_keeps_the_others_and_starts_again_at_page_one() {
        let here = params(&[("q", "border encounters"), ("page", "3"), ("year", "2023")]);
        assert_eq!(here.page(), 3);
        assert_eq!(
            here.with("/search", "doc", Some("a&b")),
            "/search?doc=a%26b&q=border+encounters&year=2023"
        );
        assert_eq!(
            here.with("/search", "year", None),
            "/search?q=border+encounters"
        );
        assert_eq!(
            here.at_page("/search", 4),
            "/search?page=4&q=border+encounters&year=2023"
        );
        assert_eq!(params(&[("q", " ")]).url("/search"), "/search");
        assert_eq!(encode("é<"), "%C3%A9%3C");
    }
}
