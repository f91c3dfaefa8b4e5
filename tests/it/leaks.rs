//! Keys stay out of what the program says, and text from outside never
//! commands the terminal (issue 17).
//!
//! A property test sends random otpauth URIs, each with one slip of the
//! kind people make (a character typed, dropped or changed, a `?` for a
//! `&`, a percent-encoded character or label, a broken `algorithm`,
//! `digits` or `period` value, another type), through every library path
//! that parses them: `kod`, `hozzaadas --uri -`, `importalas` (a URI list,
//! an Aegis plain-text export) and the picture message of `hozzaadas
//! --image`. Every message and skip line is rendered through Fluent, in
//! Hungarian and in English, and none may hold the key or any eight
//! characters of it. The language is chosen once per process, so each
//! language runs in a child process of this test binary. Smaller tests run
//! the real binary for each command, and with a hostile issuer.

use std::{
    cell::Cell,
    fs,
    path::Path,
    process::{Command, Output, Stdio},
};

use data_encoding::BASE32_NOPAD;
use kapukulcs::{
    clock::Clock,
    commands::{
        add::{self, AddArgs, Source},
        code::{self, CodeArgs},
        import,
        options::{BundleArgs, Context},
    },
    error::{Error, report_to_string},
    formats::otpauth::Algorithm,
    i18n::{self, Lang},
    qr::picture,
    secret::SecretString,
};
use proptest::{
    prelude::*,
    test_runner::{Config, RngAlgorithm, TestRng, TestRunner},
};

use crate::support::{PASSPHRASE, picture::qr_png, run};

use run::text;

/// How many mutated URIs each language sees.
const CASES: u32 = 10_000;

/// The child process's language (`hu` or `en`).
const LANG_VAR: &str = "KAPUKULCS_LEAKS_LANG";

/// The key of most binary tests, and a URI whose `?` stands for a `&`.
const KEY: &str = "JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ";

/// Every eight characters in a row of `key`, upper case.
fn windows(key: &str) -> Vec<String> {
    let key: Vec<char> = key.to_uppercase().chars().collect();
    key.windows(8).map(|w| w.iter().collect()).collect()
}

/// The first part of `key` that `said` shows, if any.
fn shown_part(said: &str, windows: &[String]) -> Option<String> {
    let upper = said.to_uppercase();
    windows.iter().find(|w| upper.contains(w.as_str())).cloned()
}

/// A control character other than a line break: what a terminal obeys.
fn obeyed(said: &str) -> Option<char> {
    said.chars()
        .find(|&ch| ch != '\n' && (ch.is_control() || ('\u{202a}'..='\u{202e}').contains(&ch)))
}

/// Names as people and apps write them.
const ISSUERS: &[&str] = &["Ügyfélkapu+", "Google", "ACME Co", "Air Canada", "x"];
const ACCOUNTS: &[&str] = &["kovacs.maria", "Mama", "john.doe@email.com", "Benjamin", ""];
/// Bad values for `algorithm`, `digits` and `period`.
const BAD_VALUES: &[&str] = &[
    "", "5", "9", "0", "-1", "99999", "abc", "MD5", "SHA3", "6 7", "%FF", "%", "6?", "&", "=",
];
/// Characters a slip inserts or puts in place of another.
const SLIPS: &[char] = &[
    '?', '&', '=', '%', '#', '/', ':', ' ', '+', 'a', 'Z', '0', '1', '8', 'é', '\u{1b}',
];

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A URI as an app writes it, and its key: random key bytes, names from
/// the lists (encoded or raw), parameters in any order.
fn base_uri() -> impl Strategy<Value = (String, String)> {
    (
        proptest::collection::vec(any::<u8>(), 10..=32),
        any::<bool>(),
        proptest::option::of(proptest::sample::select(ISSUERS)),
        proptest::sample::select(ACCOUNTS),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(proptest::sample::select(&["SHA1", "sha256", "SHA512"][..])),
        proptest::option::of(proptest::sample::select(&["6", "7", "8"][..])),
        proptest::option::of(proptest::sample::select(&["30", "60", "20"][..])),
        any::<u64>(),
    )
        .prop_map(
            |(
                bytes,
                lower,
                issuer,
                account,
                encoded,
                label_issuer,
                algo,
                digits,
                period,
                order,
            )| {
                let key = BASE32_NOPAD.encode(&bytes);
                let key = if lower { key.to_lowercase() } else { key };
                let name = |text: &str| {
                    if encoded {
                        encode(text)
                    } else {
                        text.to_owned()
                    }
                };
                let mut label = String::new();
                if let (Some(issuer), true) = (issuer, label_issuer) {
                    label.push_str(&name(issuer));
                    label.push(':');
                }
                label.push_str(&name(account));
                let mut params = vec![format!("secret={key}")];
                if let Some(issuer) = issuer {
                    params.push(format!("issuer={}", name(issuer)));
                }
                for (key, value) in [("algorithm", algo), ("digits", digits), ("period", period)] {
                    if let Some(value) = value {
                        params.push(format!("{key}={value}"));
                    }
                }
                // A fixed shuffle from the drawn number: any order.
                let mut order = order;
                for index in (1..params.len()).rev() {
                    let other = (order % (index as u64 + 1)) as usize;
                    order /= index as u64 + 1;
                    params.swap(index, other);
                }
                (format!("otpauth://totp/{label}?{}", params.join("&")), key)
            },
        )
}

/// One slip, applied to `uri`.
#[derive(Clone, Debug)]
enum Slip {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
    QuestionForAmpersand(usize),
    AmpersandForQuestion(char),
    EncodeOne(usize),
    EncodeAll,
    BadValue(usize, &'static str),
    Type(&'static str),
}

fn slip() -> impl Strategy<Value = Slip> {
    let at = any::<usize>();
    prop_oneof![
        (at, proptest::sample::select(SLIPS)).prop_map(|(i, c)| Slip::Insert(i, c)),
        at.prop_map(Slip::Delete),
        (at, proptest::sample::select(SLIPS)).prop_map(|(i, c)| Slip::Replace(i, c)),
        at.prop_map(Slip::QuestionForAmpersand),
        proptest::sample::select(&['&', '/', '#', ';', ' '][..])
            .prop_map(Slip::AmpersandForQuestion),
        at.prop_map(Slip::EncodeOne),
        Just(Slip::EncodeAll),
        (at, proptest::sample::select(BAD_VALUES)).prop_map(|(i, v)| Slip::BadValue(i, v)),
        proptest::sample::select(&["hotp", "steam", "yandex", "TOTP", "totp2", ""][..])
            .prop_map(Slip::Type),
    ]
}

impl Slip {
    fn apply(&self, uri: &str) -> String {
        let mut chars: Vec<char> = uri.chars().collect();
        let len = chars.len();
        match *self {
            Slip::Insert(at, ch) => chars.insert(at % (len + 1), ch),
            Slip::Delete(at) => {
                chars.remove(at % len);
            }
            Slip::Replace(at, ch) => chars[at % len] = ch,
            Slip::QuestionForAmpersand(at) => {
                let ampersands: Vec<usize> = (0..len).filter(|&i| chars[i] == '&').collect();
                match ampersands.len() {
                    0 => chars.insert(at % (len + 1), '?'),
                    n => chars[ampersands[at % n]] = '?',
                }
            }
            Slip::AmpersandForQuestion(ch) => {
                if let Some(at) = chars.iter().position(|&c| c == '?') {
                    chars[at] = ch;
                }
            }
            Slip::EncodeOne(at) => {
                let at = at % len;
                let encoded = encode(&chars[at].to_string());
                chars.splice(at..=at, encoded.chars());
            }
            Slip::EncodeAll => {
                let start = "otpauth://totp/".len();
                let rest: String = chars[start..].iter().collect();
                return format!("{}{}", &uri[..start], encode(&rest));
            }
            Slip::BadValue(at, value) => {
                let names = ["algorithm=", "digits=", "period="];
                let name = names[at % names.len()];
                return match uri.find(name) {
                    Some(start) => {
                        let from = start + name.len();
                        let end = uri[from..].find('&').map_or(uri.len(), |e| from + e);
                        format!("{}{value}{}", &uri[..from], &uri[end..])
                    }
                    None => format!("{uri}&{name}{value}"),
                };
            }
            Slip::Type(kind) => return uri.replacen("totp", kind, 1),
        }
        chars.into_iter().collect()
    }
}

/// Everything the program would say about `uri` on each path that parses
/// it, in the language of this process.
fn said_about(uri: &str, ctx: &Context) -> Vec<String> {
    let mut said = Vec::new();
    // kod
    let args = CodeArgs {
        time: Some(59),
        digits: 6,
        period: 30,
        algorithm: Algorithm::Sha1,
    };
    if let Err(e) = code::read_account(&args, &mut uri.as_bytes()) {
        said.push(report_to_string(&e));
    }
    // hozzaadas --uri -
    let add_args = AddArgs {
        name: "Mama".into(),
        username: None,
        source: Source::Uri,
        deletion_code_from_stdin: false,
        note: None,
    };
    let added = add::member(&add_args, &mut uri.as_bytes(), ctx);
    // hozzaadas --image: what the picture held
    let pictured =
        picture::account_in_texts(vec![SecretString::new(uri.into())], Path::new("qr.png"));
    // importalas: the line alone, and among others as Aegis exports plain text
    let list = format!(
        "otpauth://totp/Google:anna?secret=MFRGGZDFMZTWQ2LK&issuer=Google\n{uri}\n\
         otpauth://totp/Airbnb:bea?secret=GEZDGNBVGY3TQOJQ&issuer=Airbnb\n"
    );
    let imports = [
        import::accounts_in(Path::new("lista.txt"), uri.as_bytes()),
        import::accounts_in(Path::new("aegis.txt"), list.as_bytes()),
    ];
    match added {
        Ok(member) => said.push(add::added(&member, Path::new("mentes.age"))),
        Err(e) => said.push(report_to_string(&e)),
    }
    if let Err(e) = pictured {
        said.push(report_to_string(&Error::from(e)));
    }
    for imported in imports {
        match imported {
            Ok(imported) => said.extend(import::summary(&imported.accounts, &imported.skipped)),
            Err(e) => said.push(report_to_string(&e)),
        }
    }
    said
}

/// The property itself, in this process's language: run by
/// [`mutated_uris_never_show_their_key`] once per language, in a child
/// process (the language is the whole process's).
#[test]
#[ignore = "run by leaks::mutated_uris_never_show_their_key in a process of its own per language"]
fn mutated_uris_in_one_language() {
    let lang = match std::env::var(LANG_VAR).as_deref() {
        Ok("en") => Lang::En,
        _ => Lang::Hu,
    };
    i18n::select(lang);
    let ctx = Context::new(
        BundleArgs::default(),
        Clock::fixed(time::OffsetDateTime::UNIX_EPOCH),
    );
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    // The same URIs in both languages.
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let cases = Cell::new(0u32);
    let messages = Cell::new(0usize);
    let refused = Cell::new(0usize);
    runner
        .run(&(base_uri(), slip()), |((uri, key), slip)| {
            let mutated = slip.apply(&uri);
            let windows = windows(&key);
            let said = said_about(&mutated, &ctx);
            cases.set(cases.get() + 1);
            messages.set(messages.get() + said.len());
            if said.iter().any(|s| s.contains(&i18n_error_prefix())) {
                refused.set(refused.get() + 1);
            }
            for line in &said {
                prop_assert!(
                    shown_part(line, &windows).is_none(),
                    "{slip:?} made {mutated:?}, and the program said: {line}"
                );
                prop_assert!(obeyed(line).is_none(), "{mutated:?}: {line:?}");
            }
            Ok(())
        })
        .unwrap();
    println!(
        "leaks: {} mutated URIs, {} messages, {} refused with an error",
        cases.get(),
        messages.get(),
        refused.get()
    );
}

/// "Hiba" or "Error", the start of every error the user reads.
fn i18n_error_prefix() -> String {
    kapukulcs::fl!("err-prefix")
}

#[test]
fn mutated_uris_never_show_their_key() {
    for lang in ["hu", "en"] {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "leaks::mutated_uris_in_one_language",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .env(LANG_VAR, lang)
            .output()
            .unwrap();
        let stdout = text(&out.stdout);
        assert!(
            out.status.success(),
            "{lang}: {stdout}\n{}",
            text(&out.stderr)
        );
        let line = stdout
            .lines()
            .find(|l| l.starts_with("leaks: "))
            .unwrap_or_else(|| panic!("{lang}: the property did not run:\n{stdout}"));
        let count: u32 = line["leaks: ".len()..]
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert_eq!(count, CASES, "{line}");
        eprintln!("{lang}: {line}");
    }
}

/// Runs the binary in `dir` with the test passphrase.
fn kapukulcs(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut all = vec!["--bundle", "mentes.age", "--passphrase-file", "jelszo.txt"];
    all.extend_from_slice(args);
    run::in_dir(dir, &all, stdin)
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    dir
}

/// Asserts that nothing `out` printed shows any eight characters of `KEY`.
fn keeps_the_key(what: &str, out: &Output) {
    let windows = windows(KEY);
    for stream in [&out.stdout, &out.stderr] {
        let said = text(stream);
        assert!(
            shown_part(&said, &windows).is_none(),
            "{what} showed the key: {said}"
        );
    }
}

/// The slips of the audit, each through the real binary.
const SLIPPED: &[&str] = &[
    "otpauth://totp/U:maria?digits=6?secret=JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ",
    "otpauth://totp/U:maria?algorithm=SHA1?secret=JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ",
    "otpauth://totp/U:maria?period=30?secret=JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ&issuer=U",
    "otpauth://totp/U%3Amaria%3Fsecret%3DJBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ%26issuer%3DU",
    "otpauth://totpU:maria?secret=JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ",
];

#[test]
fn a_slipped_uri_is_refused_without_its_key_by_every_command() {
    let dir = folder();
    for uri in SLIPPED {
        let out = kapukulcs(dir.path(), &["kod"], &format!("{uri}\n"));
        assert!(!out.status.success(), "kod took {uri}");
        keeps_the_key("kod", &out);

        let out = kapukulcs(
            dir.path(),
            &["hozzaadas", "--name", "Mama", "--uri", "-"],
            &format!("{uri}\n"),
        );
        assert!(!out.status.success(), "hozzaadas took {uri}");
        keeps_the_key("hozzaadas --uri -", &out);

        fs::write(dir.path().join("lista.txt"), format!("{uri}\n")).unwrap();
        let out = kapukulcs(dir.path(), &["importalas", "lista.txt"], "");
        assert!(!out.status.success(), "importalas took {uri}");
        assert!(
            text(&out.stderr).contains("nem tudom átvenni"),
            "{}",
            text(&out.stderr)
        );
        keeps_the_key("importalas", &out);

        fs::write(dir.path().join("qr.png"), qr_png(uri)).unwrap();
        let out = kapukulcs(
            dir.path(),
            &["hozzaadas", "--name", "Mama", "--image", "qr.png"],
            "",
        );
        assert!(!out.status.success(), "hozzaadas --image took {uri}");
        keeps_the_key("hozzaadas --image", &out);
    }
    assert!(!dir.path().join("mentes.age").exists());
}

#[test]
fn a_key_on_the_command_line_is_refused_without_repeating_it() {
    let dir = folder();
    let uri = format!("otpauth://totp/U:maria?secret={KEY}");
    for args in [
        vec!["hozzaadas", "--name", "Mama", "--key", KEY],
        vec!["hozzaadas", "--name", "Mama", &format!("--key={KEY}")],
        vec!["hozzaadas", "--name", "Mama", "--uri", &uri],
        vec!["kod", KEY],
        vec!["kod", &uri],
        vec![KEY],
        vec!["kod", "--digits", KEY],
    ] {
        let out = kapukulcs(dir.path(), &args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        keeps_the_key(&format!("{args:?}"), &out);
        let said = text(&out.stderr);
        assert!(said.starts_with("Hiba: Hibás parancssor"), "{said}");
    }
    let out = kapukulcs(
        dir.path(),
        &["hozzaadas", "--name", "Mama", "--key", KEY],
        "",
    );
    let said = text(&out.stderr);
    assert!(said.contains("--key") && said.contains("„-”"), "{said}");
}

/// An issuer that sets the window title, rings the bell and clears the screen.
const HOSTILE: &str = "%1B%5D0%3Bpwned%07%1B%5B2J";

#[test]
fn a_hostile_issuer_reaches_no_terminal() {
    let dir = folder();
    let uri = format!("otpauth://totp/{HOSTILE}:maria?secret={KEY}&issuer={HOSTILE}");
    let out = kapukulcs(
        dir.path(),
        &["hozzaadas", "--name", "Mama", "--uri", "-"],
        &format!("{uri}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = kapukulcs(dir.path(), &["lista"], "");
    assert!(list.status.success(), "{}", text(&list.stderr));
    for (what, out) in [("hozzaadas", &out), ("lista", &list)] {
        for stream in [&out.stdout, &out.stderr] {
            let said = text(stream);
            assert_eq!(obeyed(&said), None, "{what} printed {said:?}");
        }
    }
    let table = text(&list.stdout);
    assert!(table.contains("\\u{1b}]0;pwned\\u{7}"), "{table}");
}

#[test]
#[ignore = "needs pdftotext"]
fn a_hostile_issuer_reaches_no_sheet() {
    let dir = folder();
    let uri = format!("otpauth://totp/{HOSTILE}:maria?secret={KEY}&issuer={HOSTILE}");
    let out = kapukulcs(
        dir.path(),
        &["hozzaadas", "--name", "Mama", "--uri", "-"],
        &format!("{uri}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = kapukulcs(dir.path(), &["nyomtatas", "--output", "lap.pdf"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "lap.pdf", "-"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .output()
        .expect("pdftotext runs");
    let sheet = text(&pdf.stdout);
    assert!(
        sheet.contains("pwned"),
        "the issuer is not on the sheet: {sheet}"
    );
    let controls: Vec<char> = sheet
        .chars()
        .filter(|&ch| ch.is_control() && !matches!(ch, '\n' | '\u{c}'))
        .collect();
    assert!(controls.is_empty(), "{controls:?} on the sheet");
}
