//! Pictures at the edges (issue 11, points 5 and 6), through the real
//! binary: a code that holds keys is named in a message, never quoted; a
//! picture of an extreme shape, or a file too large for any picture, is
//! refused with the picture message under a 1 GiB address-space limit, not
//! aborted; and the largest screens' screenshots are still read within it.

use std::{
    fs,
    io::{Cursor, Read, Write},
    path::Path,
    process::{Output, Stdio},
    thread,
    time::{Duration, Instant},
};

use image::{GrayImage, ImageFormat, Luma};
use kapukulcs::formats::{
    google_transfer,
    otpauth::{Key, OtpAuth},
};

use crate::support::{
    picture::{qr_png, ugyfelkapu_uri},
    run::{self, text},
};

/// How long a bounded run may take before the test kills it and fails: a
/// guard against a run that hangs or swaps, not a speed test (speed is
/// measured by `examples/noise_bench.rs`). `dekodol /dev/zero` reads its
/// 160 MB in under 2 s of CPU, but took 8 s of wall time on a 2-core machine
/// at a load of 18, so the guard is far above that. The measured times are
/// printed (`--nocapture`).
const WATCHDOG: Duration = Duration::from_secs(60);

/// Runs the binary in `dir` with `args` under [`run::bounded`], killing it
/// after [`WATCHDOG`]; returns what it said and how long it took.
fn bounded_in(dir: &Path, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = run::bounded()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // The messages are short: they fit the pipes, so waiting first is safe.
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still ran after {WATCHDOG:?}");
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    (
        Output {
            status,
            stdout,
            stderr,
        },
        elapsed,
    )
}

// ---------------------------------------------------------------------------
// Point 5: messages never quote a code that holds keys.

/// A 12-byte key, as Google Authenticator stores it in a transfer code.
const KEY: &str = "JBSWY3DPEHPK3PXPJBSQ";

/// A Google Authenticator transfer code holding [`KEY`].
fn transfer_code() -> String {
    let account = OtpAuth::new(
        Some("Ügyfélkapu+".into()),
        "kovacs.maria".into(),
        Key::parse(KEY).unwrap(),
    );
    let codes = google_transfer::encode(&[account], 7);
    codes[0].expose().to_string()
}

/// The base64 payload of a transfer code, as the QR code holds it and
/// percent-decoded.
fn payloads(code: &str) -> [String; 2] {
    let data = code.split_once("data=").unwrap().1.to_string();
    let decoded = data
        .replace("%2B", "+")
        .replace("%2F", "/")
        .replace("%3D", "=");
    [data, decoded]
}

/// Fails when `err` holds the key, or any 8 characters running of the
/// transfer code's payload.
fn assert_secret_free(err: &str, code: &str) {
    assert!(!err.contains(KEY), "the key is in: {err}");
    for payload in payloads(code) {
        let payload = payload.trim_end_matches('=');
        let chars: Vec<char> = payload.chars().collect();
        for window in chars.windows(8) {
            let piece: String = window.iter().collect();
            assert!(
                !err.contains(&piece),
                "{piece:?} of the payload is in: {err}"
            );
        }
    }
}

#[test]
fn a_transfer_code_is_named_without_its_key() {
    let code = transfer_code();
    assert!(
        payloads(&code)[1].len() > 40,
        "a payload long enough to hold the key"
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("atvitel.png"), qr_png(&code)).unwrap();
    let runs: [&[&str]; 3] = [
        &["dekodol", "atvitel.png"],
        &["--lang", "en", "decode", "atvitel.png"],
        &[
            "--bundle",
            "mentes.age",
            "hozzaadas",
            "--name",
            "Mama",
            "--image",
            "atvitel.png",
        ],
    ];
    for args in runs {
        let (out, _) = bounded_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        let err = text(&out.stderr);
        assert!(err.contains("atvitel.png"), "{args:?}: {err}");
        let named = if args[0] == "--lang" {
            ["Google Authenticator transfer code", "kapukulcs import"]
        } else {
            ["Google Hitelesítő átviteli kód", "kapukulcs importalas"]
        };
        for words in named {
            assert!(err.contains(words), "{args:?}: {words:?} missing: {err}");
        }
        assert_secret_free(&err, &code);
    }
    assert!(
        !dir.path().join("mentes.age").exists(),
        "hozzaadas wrote a bundle"
    );
}

#[test]
fn a_damaged_transfer_code_is_refused_without_its_key() {
    // The payload cut short: the key is still in it, the accounts are not.
    let whole = transfer_code();
    let code = &whole[..whole.len() - 12];
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("csonka.png"), qr_png(code)).unwrap();
    let (out, _) = bounded_in(
        dir.path(),
        &["--bundle", "mentes.age", "importalas", "csonka.png"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("átviteli kód") && err.contains("csonka.png"),
        "{err}"
    );
    assert_secret_free(&err, code);
}

#[test]
fn other_codes_with_a_key_are_named_without_it() {
    let uri = ugyfelkapu_uri("kovacs.maria", KEY);
    let texts = [
        // The slashes lost: not an otpauth:// URI any more.
        uri.replacen("otpauth://", "otpauth:", 1),
        format!("https://example.com/add?secret={KEY}"),
        // A bare key, spaced as an app shows it.
        "JBSW Y3DP EHPK 3PXP JBSQ".to_string(),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (index, content) in texts.iter().enumerate() {
        let name = format!("kulcs{index}.png");
        fs::write(dir.path().join(&name), qr_png(content)).unwrap();
        let (out, _) = bounded_in(dir.path(), &["dekodol", &name]);
        assert_eq!(out.status.code(), Some(1), "{content}");
        let err = text(&out.stderr);
        assert!(err.contains("szöveg, amelyben kulcs lehet"), "{err}");
        assert!(!err.contains(KEY) && !err.contains("JBSW"), "{err}");
    }
}

// ---------------------------------------------------------------------------
// Point 6: extreme shapes and sizes are refused, within a fixed budget.

/// A complete white greyscale PNG of `width` × `height`, written a row at a
/// time: a few dozen KB for tens of millions of pixels.
fn white_png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().unwrap();
    let mut stream = writer.stream_writer().unwrap();
    let row = vec![255u8; width as usize];
    for _ in 0..height {
        stream.write_all(&row).unwrap();
    }
    stream.finish().unwrap();
    writer.finish().unwrap();
    bytes
}

#[test]
fn extreme_shapes_are_refused_with_the_picture_message() {
    let dir = tempfile::tempdir().unwrap();
    for (width, height) in [(1_000_000, 40), (40, 1_000_000), (100_000, 400)] {
        let name = format!("csik-{width}x{height}.png");
        let png = white_png(width, height);
        fs::write(dir.path().join(&name), &png).unwrap();
        let (out, took) = bounded_in(dir.path(), &["dekodol", &name]);
        println!(
            "{width} × {height} ({} KB of PNG): refused in {took:.1?}",
            png.len() / 1024
        );
        // An abort or a signal leaves no exit code.
        assert_eq!(out.status.code(), Some(1), "{name}: {:?}", out.status);
        let err = text(&out.stderr);
        let message = format!("Hiba: A kép túl nagy ({width} × {height} képpont): {name}");
        assert!(err.starts_with(&message), "{name}: {err}");
        assert!(
            err.contains("Teendő: A kapukulcs legfeljebb 16384 képpont széles és magas"),
            "{name}: {err}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn a_file_too_large_for_any_picture_is_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 2 GB claimed, nothing written.
    let file = fs::File::create(dir.path().join("oriasi.png")).unwrap();
    file.set_len(2 << 30).unwrap();
    // A stream with no end and no size.
    for name in ["oriasi.png", "/dev/zero"] {
        let (out, took) = bounded_in(dir.path(), &["dekodol", name]);
        println!("{name}: refused in {took:.1?}");
        assert_eq!(out.status.code(), Some(1), "{name}: {:?}", out.status);
        let err = text(&out.stderr);
        assert!(
            err.starts_with("Hiba: A fájl túl nagy egy képhez (több mint 160 MB)"),
            "{name}: {err}"
        );
        assert!(err.contains(name), "{name}: {err}");
    }
}

/// A screenshot of `width` × `height`, white, with the QR code of `uri` at
/// 4 px a module near its right edge, as PNG.
fn screenshot(width: u32, height: u32, uri: &str) -> Vec<u8> {
    let code = image::load_from_memory(&crate::support::picture::qr_png_sized(uri, 4))
        .unwrap()
        .to_luma8();
    let mut screen = GrayImage::from_pixel(width, height, Luma([255]));
    let x = i64::from(width - code.width() - width / 10);
    let y = i64::from((height - code.height()) / 2);
    image::imageops::replace(&mut screen, &code, x, y);
    let mut bytes = Vec::new();
    screen
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

#[test]
fn the_largest_screens_are_still_read_within_the_budget() {
    let uri = ugyfelkapu_uri("kovacs.maria", KEY);
    let dir = tempfile::tempdir().unwrap();
    for (width, height) in [(3840, 2160), (7680, 2160), (7680, 4320)] {
        let name = format!("kepernyo-{width}x{height}.png");
        fs::write(dir.path().join(&name), screenshot(width, height, &uri)).unwrap();
        let (out, took) = bounded_in(dir.path(), &["dekodol", &name]);
        println!("{width} × {height}: read in {took:.1?}");
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), format!("{uri}\n"), "{name}");
    }
}

/// A GIF whose screen is `width` × `height`, with one white 1×1 frame:
/// image decodes a screen of 0 × 5 to a picture of 0 × 5 (issue 17).
fn gif_sized(width: u16, height: u16) -> Vec<u8> {
    let mut gif = b"GIF89a".to_vec();
    gif.extend(width.to_le_bytes());
    gif.extend(height.to_le_bytes());
    // A global colour table of two entries: white and black.
    gif.extend([0x80, 0, 0, 255, 255, 255, 0, 0, 0]);
    gif.extend([b',', 0, 0, 0, 0, 1, 0, 1, 0, 0]);
    // LZW codes clear, 0, end at 3 bits each.
    gif.extend([2, 2, 0b0100_0100, 0b0000_0001, 0]);
    gif.push(b';');
    gif
}

#[test]
fn a_picture_without_pixels_is_refused_with_the_picture_message() {
    let dir = tempfile::tempdir().unwrap();
    for (width, height) in [(0, 5), (5, 0)] {
        let name = format!("ures-{width}x{height}.gif");
        fs::write(dir.path().join(&name), gif_sized(width, height)).unwrap();
        let (out, _) = bounded_in(dir.path(), &["dekodol", &name]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        let message =
            format!("Hiba: A képnek egyetlen képpontja sincs ({width} × {height} képpont): {name}");
        assert!(err.starts_with(&message), "{name}: {err}");
        assert!(
            err.contains("Teendő: Készíts új képernyőképet a QR-kódról"),
            "{name}: {err}"
        );
    }
}
