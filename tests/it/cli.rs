//! The real binary, run as a user runs it: languages, help, exit codes,
//! `kod` against `oathtool`, and `dekodol` on good and bad pictures.

use std::{
    collections::BTreeMap,
    fs,
    io::Cursor,
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
};

use image::{ImageFormat, Luma};

use crate::support::{picture::qr_png, run};

use run::text;

fn kapukulcs(args: &[&str], stdin: &str) -> Output {
    run::output(run::binary(), args, stdin)
}

/// Runs the binary with at most 1 GiB of address space: a picture that
/// tried to allocate its claimed size would crash instead of being refused.
fn kapukulcs_bounded(args: &[&str], stdin: &str) -> Output {
    run::output(run::bounded(), args, stdin)
}

/// Every file in `dir` with its bytes, to show that nothing was written.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

const URI: &str = "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.maria?secret=ABCDEFGHIJKLMNOPQRST&issuer=%C3%9Cgyf%C3%A9lkapu%2B";

#[test]
fn version_and_help() {
    let out = kapukulcs(&["--version"], "");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains(env!("CARGO_PKG_VERSION")));

    let out = kapukulcs(&["--help"], "");
    assert!(out.status.success());
    let help = text(&out.stdout);
    for word in ["Használat", "Parancsok", "kod", "dekodol", "--lang"] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }

    let out = kapukulcs(&["--lang", "en", "--help"], "");
    let help = text(&out.stdout);
    assert!(
        help.contains("Usage") && help.contains("Commands"),
        "{help}"
    );
    assert!(!help.contains("Használat"), "{help}");

    let out = kapukulcs(&["dekodol", "--help"], "");
    let help = text(&out.stdout);
    assert!(help.contains("KÉP"), "{help}");
}

#[test]
fn language_comes_from_the_environment() {
    let out = Command::new(env!("CARGO_BIN_EXE_kapukulcs"))
        .args(["kod"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).starts_with("Error: "),
        "{}",
        text(&out.stderr)
    );

    // An unknown locale falls back to Hungarian.
    let out = Command::new(env!("CARGO_BIN_EXE_kapukulcs"))
        .args(["kod"])
        .env("LC_ALL", "de_DE.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).starts_with("Hiba: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bad_command_lines_exit_2_in_the_chosen_language() {
    let out = kapukulcs(&["--nincs-ilyen"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("Hiba: Hibás parancssor") && err.contains("--nincs-ilyen"),
        "{err}"
    );
    assert!(err.contains("Teendő:"), "{err}");

    // A word is named by its place, never repeated: it may be a key.
    let out = kapukulcs(&["--lang", "en", "frobnicate"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("unknown command: argument 3") && !err.contains("frobnicate"),
        "{err}"
    );

    // A key typed after --lang by mistake is not repeated either.
    let out = kapukulcs(&["--lang", "JBSWY3DPEHPK3PXP"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("Ismeretlen nyelv") && !err.contains("JBSWY3DP"),
        "{err}"
    );

    let out = kapukulcs(&["kod", "--digits", "9"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("--digits") && !err.contains('9'), "{err}");
}

/// Runs the binary with its standard output going to `stdout`.
fn kapukulcs_into(args: &[&str], stdin: &str, stdout: Stdio) -> Output {
    let mut child = run::binary()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin.as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_a_quiet_end() {
    let dir = tempfile::tempdir().unwrap();
    let picture = dir.path().join("mama.png");
    fs::write(&picture, qr_png(URI)).unwrap();
    let picture = picture.to_str().unwrap();
    let key = "gezd gnbv gy3t qojq\n";
    for (args, stdin) in [
        (vec!["kod"], key),
        (vec!["dekodol", picture], ""),
        (vec!["--help"], ""),
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = kapukulcs_into(&args, stdin, Stdio::from(full));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("Hiba: Nem sikerült írni a szabványos kimenetre"),
            "{args:?}: {err}"
        );
        assert!(err.contains("Teendő:"), "{args:?}: {err}");

        // The reader is gone before the program writes.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = kapukulcs_into(&args, stdin, Stdio::from(writer));
        let err = text(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(
            !err.contains("Hiba") && !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn code_reads_keys_and_uris_from_stdin() {
    // RFC 6238: seed "12345678901234567890", T = 59.
    let out = kapukulcs(
        &["kod", "--time", "59", "--digits", "8"],
        "gezd gnbv gy3t qojq gezd gnbv gy3t qojq\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "94287082\n");
    assert!(
        text(&out.stderr).contains("még 1 mp"),
        "{}",
        text(&out.stderr)
    );

    let out = kapukulcs(
        &["code", "--time", "59"],
        "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8&algorithm=SHA1",
    );
    assert_eq!(text(&out.stdout), "94287082\n");
}

#[test]
fn code_explains_bad_keys() {
    let out = kapukulcs(&["kod"], "ABCD 0EFG\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("„0”") && err.contains("6."), "{err}");
    assert!(err.contains("O betű"), "{err}");

    let out = kapukulcs(&["kod"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("üres"), "{}", text(&out.stderr));

    let out = kapukulcs(&["kod"], "otpauth://hotp/x?secret=GEZDGNBV&counter=3");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("HOTP"), "{}", text(&out.stderr));
}

/// A tiny deterministic generator, so failures repeat.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
#[ignore = "needs oathtool (Debian package oathtool); CI installs it"]
fn codes_equal_oathtool_for_random_keys() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut rng = XorShift(0x6b61_7075_6b75_6c63);
    for length in [20, 26, 32, 52] {
        for _ in 0..10 {
            let key: String = (0..length)
                .map(|_| ALPHABET[(rng.next() % 32) as usize] as char)
                .collect();
            let time = rng.next() % 4_000_000_000;
            let expected = Command::new("oathtool")
                .args(["--totp", "-b", &key, "-N", &format!("@{time}")])
                .output()
                .expect("oathtool is installed (Debian package oathtool)");
            assert!(expected.status.success(), "oathtool failed for {key}");
            let ours = kapukulcs(&["kod", "--time", &time.to_string()], &key.to_lowercase());
            assert!(ours.status.success(), "{}", text(&ours.stderr));
            assert_eq!(
                text(&ours.stdout),
                text(&expected.stdout),
                "key {key} at {time}"
            );
        }
    }
}

#[test]
fn decode_prints_the_uri_of_each_picture() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("mama.png");
    let second = dir.path().join("papa.png");
    let papa_uri = URI.replace("kovacs.maria", "kovacs.janos");
    fs::write(&first, qr_png(URI)).unwrap();
    fs::write(&second, qr_png(&papa_uri)).unwrap();
    let out = kapukulcs(
        &["dekodol", first.to_str().unwrap(), second.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{URI}\n{papa_uri}\n"));
}

/// A complete PNG that claims 100 000 × 100 000 pixels in a few dozen bytes.
fn decompression_bomb() -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 100_000, 100_000);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_chunk(
                png::chunk::IDAT,
                &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
            )
            .unwrap();
        // Dropping the writer would try to finish the image; forget it so the
        // file ends as the attacker wrote it.
        std::mem::forget(writer);
    }
    bytes
}

/// Each bad picture, and words its message must contain.
fn bad_pictures() -> Vec<(&'static str, Vec<u8>, &'static [&'static str])> {
    let good = qr_png(URI);
    let blank = {
        let image = image::GrayImage::from_pixel(400, 300, Luma([255]));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    };
    let mut heic = vec![0, 0, 0, 0x18];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    heic.resize(200, 0);
    vec![
        ("ures.png", Vec::new(), &["üres", "0 bájt"]),
        ("csonka.png", good[..good.len() / 2].to_vec(), &["csonka"]),
        (
            "level.txt",
            b"Kedves Mama! Ez nem kep.\n".to_vec(),
            &["nem kép"],
        ),
        ("foto.heic", heic, &["HEIC", "PNG vagy JPEG"]),
        ("feher.png", blank, &["nem találtam QR-kódot"]),
        (
            "link.png",
            qr_png("https://ugyfelkapu.gov.hu/"),
            &["webcím", "https://ugyfelkapu.gov.hu/"],
        ),
        ("szoveg.png", qr_png("Szia Mama!"), &["Szia Mama!"]),
        (
            "hotp.png",
            qr_png("otpauth://hotp/x?secret=GEZDGNBV&counter=1"),
            &["hibás otpauth", "HOTP"],
        ),
        (
            "bomba.png",
            decompression_bomb(),
            &["túl nagy", "100000 × 100000"],
        ),
    ]
}

#[test]
fn bad_pictures_get_a_clear_message_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _) in bad_pictures() {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let before = snapshot(dir.path());
    for (name, _, words) in bad_pictures() {
        let path = dir.path().join(name);
        let out = kapukulcs_bounded(&["dekodol", path.to_str().unwrap()], "");
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(out.stdout.is_empty(), "{name}: {}", text(&out.stdout));
        let err = text(&out.stderr);
        assert!(err.starts_with("Hiba: "), "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the message must name the file: {err}"
        );
        assert!(err.contains("\nTeendő: "), "{name}: no way forward: {err}");
        for word in words {
            assert!(err.contains(word), "{name}: {word:?} missing from {err}");
        }
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a file was written or changed"
    );
}

#[test]
fn decode_reports_every_bad_file_and_still_prints_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("jo.png");
    fs::write(&good, qr_png(URI)).unwrap();
    let missing = dir.path().join("nincs.png");
    let out = kapukulcs(
        &[
            "--lang",
            "en",
            "decode",
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), format!("{URI}\n"));
    let err = text(&out.stderr);
    assert!(
        err.contains("Could not open the image") && err.contains("nincs.png"),
        "{err}"
    );
}
