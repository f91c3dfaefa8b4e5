//! The fuzz targets' properties, one function per target. libFuzzer calls
//! them from `fuzz_targets/`; the program's own tests (`tests/it/fuzz_replay.rs`)
//! include this file and replay every checked-in input and a few thousand
//! mutations of it through the same functions, so `cargo test` checks them
//! without libFuzzer. Only `kapukulcs`, `data_encoding` and `std` may be
//! used here.

use std::path::Path;

use kapukulcs::{
    commands::code::{CodeArgs, read_account},
    formats::{
        aegis,
        google_transfer::{decode, encode, representable},
        otpauth::{Algorithm, Key, OtpAuth},
        uri_list,
    },
    i18n::Explain,
    qr::picture::account_in_picture,
    totp,
    vault::{
        bundle::{from_tar, to_tar},
        header,
    },
};

/// A target's check: it panics when a property does not hold.
pub type Check = fn(&[u8]);

/// The targets by name, as `fuzz/Cargo.toml` and `fuzz/corpus/` name them.
pub const TARGETS: [(&str, Check); 8] = [
    ("otpauth", |input| otpauth(text(input))),
    ("google_transfer", google_transfer),
    ("aegis", aegis_export),
    ("uri_list", |input| uri_list(text(input))),
    ("bundle", bundle),
    ("age_header", age_header),
    ("code_input", |input| code_input(text(input))),
    ("picture", picture),
];

/// The longest valid UTF-8 start of `input`: what libFuzzer gives a target
/// that takes `&str`.
pub fn text(input: &[u8]) -> &str {
    match std::str::from_utf8(input) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&input[..error.valid_up_to()]).unwrap_or_default(),
    }
}

/// otpauth URIs and keys as people type them. Properties: nothing panics;
/// a URI that parses prints back (`to_uri`) and parses again to the same
/// account; a key that parses reads back to the same bytes; no error text
/// quotes the key the input carried.
pub fn otpauth(input: &str) {
    match OtpAuth::parse(input) {
        Ok(account) => {
            let again = OtpAuth::parse(account.to_uri().expose())
                .expect("a URI this program printed parses again");
            assert!(again == account, "printed and parsed again differs");
        }
        Err(error) => assert_no_secret(input, &error.message(), error.recovery()),
    }
    match Key::parse(input) {
        Ok(key) => {
            let again = Key::parse(key.text().expose()).expect("a key as shown parses again");
            assert!(again == key, "a key read back differs");
        }
        Err(error) => assert_no_secret(input, &error.message(), error.recovery()),
    }
}

/// Google Authenticator transfer codes (`otpauth-migration://`, a protobuf
/// in base64). The first byte picks the input's form: the protobuf bytes
/// wrapped in a URI (so the fuzzer works on the protobuf itself), or the
/// whole text. Properties: nothing panics; the accounts of a code that
/// reads are written again (`encode`) and read back the same.
pub fn google_transfer(input: &[u8]) {
    let Some((&form, rest)) = input.split_first() else {
        return;
    };
    let uri = if form % 2 == 0 {
        format!(
            "otpauth-migration://offline?data={}",
            data_encoding::BASE64URL_NOPAD.encode(rest)
        )
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    let Ok(batch) = decode(&uri) else {
        return;
    };
    let accounts: Vec<_> = batch
        .accounts
        .iter()
        .filter(|account| representable(account))
        .cloned()
        .collect();
    let again: Vec<_> = encode(&accounts, 7)
        .iter()
        .flat_map(|code| {
            decode(code.expose())
                .expect("a code this program wrote reads")
                .accounts
        })
        .collect();
    assert!(again == accounts, "written and read again differs");
}

/// Aegis exports (plain JSON). Properties: nothing panics, and no message
/// about a left-out entry quotes a key the file carried.
pub fn aegis_export(input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    if let Ok(imported) = aegis::import(input) {
        for skipped in &imported.skipped {
            assert_no_secret(&text, &skipped.words(), None);
        }
    }
}

/// Lists of otpauth URIs, one a line (transfer codes allowed). Properties:
/// nothing panics; every account read prints back and reads again the
/// same; no word about a left-out line quotes a key.
pub fn uri_list(input: &str) {
    let Ok(imported) = uri_list::import(input) else {
        return;
    };
    for skipped in &imported.skipped {
        assert_no_secret(input, &skipped.words(), None);
    }
    for account in &imported.accounts {
        let again = OtpAuth::parse(account.to_uri().expose()).expect("a printed URI parses");
        assert!(&again == account, "printed and parsed again differs");
    }
}

/// The bundle's plaintext after decryption: a tar archive with a JSON
/// manifest. Properties: nothing panics; a bundle that reads is written
/// again and reads back to the same archive (the manifest round-trips).
pub fn bundle(input: &[u8]) {
    let Ok(contents) = from_tar(input) else {
        return;
    };
    let Ok(written) = to_tar(&contents.family, &contents.recipients, contents.saved) else {
        // A hand-made URI too long to draw is an error, not a panic.
        return;
    };
    let again = from_tar(&written).expect("a bundle this program wrote reads");
    let rewritten = to_tar(&again.family, &again.recipients, again.saved).expect("drawn before");
    assert!(
        written[..] == rewritten[..],
        "written, read and written again differs"
    );
}

/// The age header read by hand (before any key is tried). Properties:
/// nothing panics, and the payload never starts past the end of the file.
pub fn age_header(input: &[u8]) {
    if let Ok(header) = header::parse(input) {
        assert!(header.payload_start <= input.len());
    }
}

/// What `kod` reads from standard input: an otpauth URI or a bare key.
/// Properties: nothing panics, a code comes out of whatever reads, and no
/// error quotes the key.
pub fn code_input(input: &str) {
    let args = CodeArgs {
        time: Some(1_700_000_000),
        digits: 6,
        period: 30,
        algorithm: Algorithm::Sha1,
    };
    match read_account(&args, &mut input.as_bytes()) {
        Ok(account) => {
            let code = totp::generate(&account, 1_700_000_000);
            assert_eq!(code.len(), usize::from(account.digits));
        }
        Err(error) => assert_no_secret(input, &error.message(), error.recovery()),
    }
}

/// The picture reader: PNG, JPEG, WebP, BMP, GIF and TIFF, headers and
/// bodies, with the pixel and memory limits in force. Properties: nothing
/// panics or aborts (a size the limits refuse is an error), and every
/// picture is answered (libFuzzer's `-timeout` holds the time budget).
pub fn picture(input: &[u8]) {
    if let Err(error) = account_in_picture(input, Path::new("kep.png")) {
        // A QR code in a picture may carry a key: the message names it.
        let _ = (error.message(), error.recovery());
    }
}

/// The values of `secret=` in `input` (up to the next `&`, `?` or `#`),
/// where they look like a key (8 or more letters and digits, with spaces,
/// dashes or `=` padding between; `secret=otpauth://totp/` is not one, and
/// a message may well say `otpauth://totp/`) and appear nowhere else in the
/// input (a label that happens to spell the key may be named) nor in the
/// program's own words.
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
        if looks_like_a_key(value)
            && input.matches(value).count() == 1
            && !in_the_programs_own_words(value)
        {
            found.push(value);
        }
        from = end.max(start);
        if from >= input.len() {
            break;
        }
    }
    found
}

/// Whether `value` is part of a message's fixed words, in either language:
/// an input may spell `secret=nem otpau`, and "Ez nem otpauth:// cím." is
/// then no leak (found by the `otpauth` target).
fn in_the_programs_own_words(value: &str) -> bool {
    const WORDS: [&str; 2] = [
        include_str!("../../locales/hu/kapukulcs.ftl"),
        include_str!("../../locales/en/kapukulcs.ftl"),
    ];
    WORDS.iter().any(|words| words.contains(value))
}

fn looks_like_a_key(value: &str) -> bool {
    let mut letters = 0;
    for c in value.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => letters += 1,
            ' ' | '-' | '=' => {}
            _ => return false,
        }
    }
    letters >= 8
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
