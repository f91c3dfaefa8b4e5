//! What the fuzz targets share: the check that no message quotes a key.

/// The values of `secret=` in `input` (up to the next `&`, `?` or `#`),
/// where they are long enough to be a key (8 or more characters) and
/// appear nowhere else in the input (a label that happens to spell the key
/// may be named).
pub fn secrets_in(input: &str) -> Vec<&str> {
    let lower = input.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("secret=") {
        let start = from + at + "secret=".len();
        let end = input[start..]
            .find(['&', '?', '#'])
            .map_or(input.len(), |len| start + len);
        let value = &input[start..end];
        if value.chars().count() >= 8 && input.matches(value).count() == 1 {
            found.push(value);
        }
        from = end.max(start);
        if from >= input.len() {
            break;
        }
    }
    found
}

/// `%XX` escapes decoded, as a URI reader would.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Panics when `message` or `recovery` holds a key that `input` carried,
/// as typed or percent-decoded.
pub fn assert_no_secret(input: &str, message: &str, recovery: Option<String>) {
    let decoded = percent_decoded(input);
    let mut secrets: Vec<String> = secrets_in(input).into_iter().map(str::to_owned).collect();
    secrets.extend(secrets_in(&decoded).into_iter().map(str::to_owned));
    for secret in &secrets {
        let secret = secret.as_str();
        assert!(
            !message.contains(secret),
            "a message quotes the key: {message}"
        );
        if let Some(recovery) = &recovery {
            assert!(
                !recovery.contains(secret),
                "a hint quotes the key: {recovery}"
            );
        }
    }
}
