//! `importalas` on other apps' real exports, run as the real binary: Aegis'
//! own public test exports (`tests/data/aegis/`, source named there) give
//! their three TOTP accounts (6, 7 and 8 digits) and name the four entries
//! left out with their reasons, before any question; `kod` gives
//! `oathtool`'s code for the 7-digit SHA-256 account; a name carrying a
//! terminal escape sequence is printed without it.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use crate::support::{PASSPHRASE, run};

use run::text;

/// One of the copied Aegis test exports.
fn aegis(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/aegis")
        .join(name)
}

/// Runs `importalas file` in a fresh folder with its own bundle and
/// passphrase file, and no terminal: everything found and skipped is
/// listed, then the first question fails for want of a terminal, so
/// nothing is saved.
fn import(file: &Path) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    let out = run::in_dir(
        dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "importalas",
            file.to_str().unwrap(),
        ],
        "",
    );
    (out, dir)
}

/// Index of the line of `err` that contains `needle`, or a failure that
/// shows all of it.
fn line_of(err: &str, needle: &str) -> usize {
    err.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} missing from:\n{err}"))
}

/// The three TOTP accounts, as offered, in file order.
const OFFERED: [&str; 3] = ["1. Deno – Mason", "2. SPDX – James", "3. Airbnb – Elijah"];

const HOTP: &str = "számláló alapú (HOTP) kulcs";
const STEAM: &str = "Steam-kulcs";

/// Checks what `importalas` said about one of the Aegis exports: the
/// accounts offered, then each skipped entry (its `name` as the file names
/// it) with its reason, and only then the first question, which fails
/// without a terminal.
fn assert_offered_and_skipped(out: &Output, dir: &Path, skipped: &[(&str, &str)]) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let found = line_of(&err, "3 fiókot találtam:");
    let mut last = found;
    for offer in OFFERED {
        let at = line_of(&err, offer);
        assert!(at > last, "{offer:?} out of order:\n{err}");
        last = at;
    }
    let heading = line_of(&err, "Ezeket nem tudom átvenni (4):");
    assert!(heading > last, "{err}");
    last = heading;
    for (name, reason) in skipped {
        let at = line_of(&err, name);
        assert!(at > last, "{name:?} out of order:\n{err}");
        assert!(
            err.lines().nth(at).unwrap().contains(reason),
            "{name:?} without {reason:?}:\n{err}"
        );
        last = at;
    }
    // Only then the first question, which needs a terminal.
    let question = line_of(&err, "Hiba: ");
    assert!(question > last, "{err}");
    assert!(err.contains("terminál"), "{err}");
    // The old refusal of the whole file is gone.
    assert!(!err.contains("nem otpauth:// címek"), "{err}");
    assert!(!dir.join("mentes.age").exists(), "nothing may be saved");
}

#[test]
fn aegis_plain_text_export_offers_three_and_names_four_by_line() {
    let (out, dir) = import(&aegis("plain.txt"));
    assert_offered_and_skipped(
        &out,
        dir.path(),
        &[
            ("4. sor: Issuu:James –", HOTP),
            ("5. sor: Air Canada:Benjamin –", HOTP),
            ("6. sor: WWE:Mason –", HOTP),
            ("7. sor: Boeing:Sophia –", STEAM),
        ],
    );
}

#[test]
fn aegis_json_export_offers_three_and_names_four() {
    let (out, dir) = import(&aegis("aegis_plain.json"));
    assert_offered_and_skipped(
        &out,
        dir.path(),
        &[
            ("– Issuu: James –", HOTP),
            ("– Air Canada: Benjamin –", HOTP),
            ("– WWE: Mason –", HOTP),
            ("– Boeing: Sophia –", STEAM),
        ],
    );
}

#[test]
fn every_reason_is_named_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    fs::write(
        &list,
        "# mixed\n\
         otpauth://totp/Good:anna?secret=JBSWY3DPEHPK3PXP\n\
         otpauth://totp/Md5:bob?secret=JBSWY3DPEHPK3PXP&algorithm=MD5\n\
         otpauth://totp/Nine:cecil?secret=JBSWY3DPEHPK3PXP&digits=9\n\
         otpauth://totp/Broken:dora?secret=JBSW0\n\
         otpauth://yandex/Yandex:emil?secret=JBSWY3DPEHPK3PXP\n\
         just some words\n",
    )
    .unwrap();
    let out = run::in_dir(
        dir.path(),
        &["--lang", "en", "import", list.to_str().unwrap()],
        "",
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (line, words) in [
        ("1. Good – anna", ""),
        ("Left out (5):", ""),
        // A value is named by its place: a slip may have run the key into it.
        ("line 3: Md5:bob –", "unknown algorithm in parameter 2"),
        (
            "line 4: Nine:cecil –",
            "in parameter 2, the number of digits is not 6, 7 or 8",
        ),
        ("line 5: Broken:dora –", "the key is missing or broken"),
        ("line 6: Yandex:emil –", "unknown code type"),
        ("line 7: (no name) –", "unreadable"),
    ] {
        let at = line_of(&err, line);
        assert!(
            err.lines().nth(at).unwrap().contains(words),
            "{line:?} without {words:?}:\n{err}"
        );
    }
    // An unreadable line is not echoed: it might be a key.
    assert!(!err.contains("just some words"), "{err}");
}

#[test]
fn an_escape_sequence_in_an_aegis_issuer_is_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("aegis.json");
    let entry = |kind: &str, issuer: &str, name: &str| {
        format!(
            r#"{{"type": "{kind}", "name": "{name}", "issuer": "{issuer}",
               "info": {{"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "period": 30, "counter": 1}}}}"#
        )
    };
    fs::write(
        &file,
        format!(
            r#"{{"version": 1, "header": {{"slots": null, "params": null}},
               "db": {{"version": 3, "entries": [{}, {}]}}}}"#,
            entry("totp", r"\u001b[31mBank\u001b[0m", r"anna\u0007"),
            entry("hotp", r"\u001b]0;hacked\u0007", "x"),
        ),
    )
    .unwrap();
    let (out, _dir) = import(&file);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    for stream in [&out.stdout, &out.stderr] {
        assert!(!stream.contains(&0x1b), "ESC printed: {:?}", text(stream));
        assert!(
            text(stream).chars().all(|c| c == '\n' || !c.is_control()),
            "a control character was printed: {:?}",
            text(stream)
        );
    }
    let err = text(&out.stderr);
    // Shown, escaped, not obeyed.
    assert!(
        err.contains(r"1. \u{1b}[31mBank\u{1b}[0m – anna\u{7}"),
        "{err}"
    );
    assert!(err.contains(r"\u{1b}]0;hacked\u{7}: x –"), "{err}");
}

#[test]
fn code_takes_the_seven_digit_uri_of_the_aegis_export() {
    let uri = spdx_uri();
    // RFC 6238's own SHA-256 vector at T=59, seven digits (46119246 in eight).
    let rfc = "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA&algorithm=SHA256&digits=7";
    let out = run::output(run::binary(), &["kod", "--time", "59"], rfc);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "6119246\n");
    let out = run::output(run::binary(), &["kod", "--time", "1700000000"], &uri);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let code = text(&out.stdout);
    assert_eq!(code.trim().len(), 7, "{code}");
}

/// The 7-digit SHA-256 account (SPDX: James, 20-second period) as Aegis'
/// plain-text export writes it.
fn spdx_uri() -> String {
    let list = fs::read_to_string(aegis("plain.txt")).unwrap();
    let line = list
        .lines()
        .find(|line| line.contains("SPDX:James"))
        .expect("the SPDX line is in Aegis' export");
    assert!(line.contains("digits=7") && line.contains("algorithm=SHA256"));
    line.to_owned()
}

#[test]
#[ignore = "needs oathtool (Debian package oathtool); CI installs it"]
fn seven_digit_sha256_code_equals_oathtool() {
    let uri = spdx_uri();
    let key = "5OM4WOOGPLQEF6UGN3CPEOOLWU";
    assert!(uri.contains(key) && uri.contains("period=20"));
    for time in [
        59u64,
        1_111_111_109,
        1_234_567_890,
        1_700_000_000,
        2_000_000_000,
    ] {
        let expected = Command::new("oathtool")
            .args([
                "--totp=sha256",
                "--digits=7",
                "--time-step-size=20s",
                "-b",
                key,
                "-N",
                &format!("@{time}"),
            ])
            .output()
            .expect("oathtool is installed (Debian package oathtool)");
        assert!(expected.status.success(), "oathtool failed at {time}");
        let ours = run::output(run::binary(), &["kod", "--time", &time.to_string()], &uri);
        assert!(ours.status.success(), "{}", text(&ours.stderr));
        assert_eq!(text(&ours.stdout), text(&expected.stdout), "at {time}");
        assert_eq!(text(&ours.stdout).trim().len(), 7);
    }
}
