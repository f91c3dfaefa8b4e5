//! The Windows `.exe` under Wine, as a person on Windows would use it:
//! paths like `Z:\...\kep.png`, Hungarian text on the console, a bundle,
//! a sheet and the demo. Built by `scripts/cross windows`; `.ci/run` builds
//! it and sets `KAPUKULCS_WINDOWS_EXE` (and `KAPUKULCS_WINE_STUB`, the test
//! stand-in for the `bcryptprimitives.dll` that Wine 8 lacks).

use crate::support::{picture, run};

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
    sync::OnceLock,
};

use run::text;

/// The `.exe` and the stub DLL copied into one folder, and Wine prepared.
fn exe() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let built = std::env::var_os("KAPUKULCS_WINDOWS_EXE")
            .map(PathBuf::from)
            .expect(
                "KAPUKULCS_WINDOWS_EXE names the Windows build: run `scripts/cross windows` \
             and `scripts/cross wine-stub`, or `.ci/run`",
            );
        let stub = std::env::var_os("KAPUKULCS_WINE_STUB")
            .map(PathBuf::from)
            .expect("KAPUKULCS_WINE_STUB names the stub DLL: run `scripts/cross wine-stub`");
        let dir = std::env::temp_dir().join(format!("kapukulcs-wine-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let exe = dir.join("kapukulcs.exe");
        fs::copy(&built, &exe).expect("the Windows build exists");
        fs::copy(&stub, dir.join("bcryptprimitives.dll")).expect("the stub DLL exists");
        // The first start creates the Wine prefix; do it once, not in
        // every parallel test.
        let boot = Command::new("wineboot")
            .arg("-i")
            .env("WINEDEBUG", "-all")
            .output()
            .expect("wine is installed (Debian package wine)");
        assert!(boot.status.success(), "wineboot: {}", text(&boot.stderr));
        exe
    })
}

/// Runs the `.exe` under Wine with `args`, `stdin` on its standard input.
fn wine(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new("wine")
        .arg(exe())
        .args(args)
        .env("WINEDEBUG", "-all")
        .env("LANG", "hu_HU.UTF-8")
        // Wine turns Linux arguments into Windows ones by LC_CTYPE; UTF-8
        // keeps "képernyőkép.png" whole (Windows itself passes UTF-16).
        .env("LC_CTYPE", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        // A console program needs no X display; with CI's Xvfb in DISPLAY
        // a first Wine start was seen waiting on it for minutes.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wine is installed (Debian package wine)");
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn succeeded(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A Linux path as the Windows program sees it through Wine's `Z:` drive.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// Words of `text` that look like paths and mix `\` and `/` separators
/// (addresses such as `otpauth://` are not paths).
fn mixed_separator_paths(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|word| !word.contains("://"))
        .filter(|word| word.contains('\\') && word.contains('/'))
        .collect()
}

/// The Windows paths the demo printed, as Linux paths.
fn printed_paths(text: &str) -> Vec<PathBuf> {
    // Every word that is a Z: path: the listed files, and in the hints the
    // program itself (shown plain since issue 18, no `\\?\`) and its
    // arguments. The test's folders have no spaces.
    text.split_whitespace()
        .filter_map(|word| word.strip_prefix("Z:"))
        .map(|rest| PathBuf::from(rest.replace('\\', "/")))
        .collect()
}

#[test]
fn the_mixed_separator_check_can_fail() {
    let printed = "• C:\\users\\x\\Temp\\kapukulcs-demo-ab12/kepek/\n  otpauth://totp/x";
    assert_eq!(
        mixed_separator_paths(printed),
        ["C:\\users\\x\\Temp\\kapukulcs-demo-ab12/kepek/"]
    );
    assert!(mixed_separator_paths("C:\\users\\x\\kepek\\mama.png otpauth://a/b").is_empty());
}

#[test]
#[ignore = "needs wine and the Windows build (scripts/cross windows); CI installs both"]
fn version() {
    let out = succeeded(&wine(&["--version"], ""));
    assert_eq!(
        out.trim(),
        format!("kapukulcs {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
#[ignore = "needs wine, oathtool and the Windows build (scripts/cross windows); CI installs them"]
fn code_equals_oathtool() {
    for (key, time) in [
        ("ABCDEFGHIJKLMNOPQRST", 1_764_000_000u64),
        ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59),
        ("JBSWY3DPEHPK3PXP", 4_000_000_000),
    ] {
        let expected = Command::new("oathtool")
            .args(["--totp", "-b", key, "-N", &format!("@{time}")])
            .output()
            .expect("oathtool is installed (Debian package oathtool)");
        let spaced = key.to_lowercase().replace("efgh", " efgh ");
        let ours = wine(
            &["kod", "--time", &time.to_string()],
            &format!("{spaced}\r\n"),
        );
        assert_eq!(succeeded(&ours), text(&expected.stdout), "key {key}");
    }
}

#[test]
#[ignore = "needs wine and the Windows build (scripts/cross windows); CI installs both"]
fn decode_reads_a_screenshot_given_as_a_windows_path() {
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("képernyőkép 1.png");
    let uri = picture::ugyfelkapu_uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST");
    fs::write(&shot, picture::qr_png(&uri)).unwrap();
    let out = succeeded(&wine(&["dekodol", &windows_path(&shot)], ""));
    assert!(out.contains("kovacs.maria"), "{out}");
    assert!(out.contains("secret=ABCDEFGHIJKLMNOPQRST"), "{out}");
}

#[test]
#[ignore = "needs wine, pdftotext and the Windows build (scripts/cross windows); CI installs them"]
fn add_list_and_print_with_a_passphrase_file() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = windows_path(&dir.path().join("mentes.age"));
    let passphrase = dir.path().join("jelszó.txt");
    fs::write(&passphrase, "hosszú jelszó a teszthez\r\n").unwrap();
    let passphrase = windows_path(&passphrase);
    let shot = dir.path().join("mama.png");
    let uri = picture::ugyfelkapu_uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST");
    fs::write(&shot, picture::qr_png(&uri)).unwrap();
    let shot = windows_path(&shot);
    let sheet = dir.path().join("lap.pdf");
    let sheet_arg = windows_path(&sheet);
    let keys = ["--bundle", &bundle, "--passphrase-file", &passphrase];

    let add = [
        &keys[..],
        &[
            "hozzaadas",
            "--name",
            "Mama",
            "--username",
            "kovacs.maria",
            "--image",
            &shot,
        ],
    ]
    .concat();
    succeeded(&wine(&add, ""));
    // A second save replaces the bundle and keeps the first as the backup:
    // the atomic rename and the backup link, on Windows.
    let first = fs::read(dir.path().join("mentes.age")).unwrap();
    let add = [&keys[..], &["hozzaadas", "--name", "Papa", "--key", "-"]].concat();
    succeeded(&wine(&add, "gezd gnbv gy3t qojq\r\n"));
    assert_eq!(fs::read(dir.path().join("mentes.age.bak")).unwrap(), first);
    let list = succeeded(&wine(&[&keys[..], &["lista"]].concat(), ""));
    for name in ["Mama", "kovacs.maria", "Papa"] {
        assert!(list.contains(name), "{name} missing: {list}");
    }

    let print = [&keys[..], &["nyomtatas", "--output", &sheet_arg]].concat();
    succeeded(&wine(&print, ""));
    let pdf = Command::new("pdftotext")
        .arg(&sheet)
        .arg("-")
        .output()
        .expect("pdftotext is installed (Debian package poppler-utils)");
    let pdf = text(&pdf.stdout);
    assert!(pdf.contains("Mama"), "{pdf}");
    assert!(pdf.contains("Ügyfélkapu+"), "{pdf}");
}

#[test]
#[ignore = "needs wine and the Windows build (scripts/cross windows); CI installs both"]
fn demo_prints_windows_paths_that_exist() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("bemutató");
    let out = succeeded(&wine(&["demo", "--dir", &windows_path(&root)], ""));
    // Hungarian reaches the console as UTF-8.
    assert!(out.contains("Próbáld ki"), "{out}");
    assert!(mixed_separator_paths(&out).is_empty(), "{out}");
    let paths = printed_paths(&out);
    assert!(paths.len() >= 4, "{out}");
    for path in paths {
        assert!(
            path.exists(),
            "{} printed but missing:\n{out}",
            path.display()
        );
    }
    assert!(root.join("kepek").join("mama.png").is_file());
}

#[test]
#[ignore = "needs wine and the Windows build (scripts/cross windows); CI installs both"]
fn a_console_window_of_its_own_waits_for_enter_before_closing() {
    use expectrl::{Expect, process::Healthcheck, session::OsSession as Session};
    // In a terminal of its own, as after a double-click in Explorer, the
    // program keeps the window open until Enter, and says so in Hungarian.
    let mut command = Command::new("wine");
    command
        .arg(exe())
        .arg("--version")
        .env("WINEDEBUG", "-all")
        .env("LANG", "hu_HU.UTF-8")
        .env("LC_CTYPE", "C.UTF-8")
        .env_remove("LC_ALL");
    let mut session = Session::spawn(command).expect("wine starts in a pseudo-terminal");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(60)));
    session.expect("kapukulcs").unwrap();
    session
        .expect("Nyomj Entert az ablak bezárásához.")
        .expect("the window waits for Enter");
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert!(session.is_alive().unwrap(), "closed without waiting");
    session.send("\r").unwrap();
    session.expect(expectrl::Eof).unwrap();
}

/// The type ids of the resources in the `.rsrc` section of the PE file
/// `exe` (the first level of its resource directory; PE/COFF
/// specification, "The .rsrc Section").
fn resource_types(exe: &[u8]) -> Vec<u32> {
    let u16_at = |at: usize| u16::from_le_bytes([exe[at], exe[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(exe[at..at + 4].try_into().unwrap());
    let pe = u32_at(0x3c) as usize;
    assert_eq!(&exe[pe..pe + 4], b"PE\0\0", "not a PE file");
    let sections = u16_at(pe + 6);
    let table = pe + 24 + u16_at(pe + 20);
    let Some(rsrc) = (0..sections)
        .map(|i| table + i * 40)
        .find(|&at| exe[at..at + 8].starts_with(b".rsrc\0"))
    else {
        return Vec::new();
    };
    let root = u32_at(rsrc + 20) as usize;
    let entries = u16_at(root + 12) + u16_at(root + 14);
    (0..entries)
        .map(|i| u32_at(root + 16 + i * 8))
        .filter(|name| name & 0x8000_0000 == 0)
        .collect()
}

#[test]
#[ignore = "needs the Windows build (scripts/cross windows); CI makes it"]
fn the_exe_carries_an_icon_version_information_and_a_manifest() {
    let built = std::env::var_os("KAPUKULCS_WINDOWS_EXE")
        .map(PathBuf::from)
        .expect("KAPUKULCS_WINDOWS_EXE names the Windows build: run `scripts/cross windows`");
    let exe = fs::read(&built).expect("the Windows build exists");
    // RT_ICON 3, RT_GROUP_ICON 14, RT_VERSION 16, RT_MANIFEST 24: what
    // Explorer shows (the icon, Properties > Details) and what Windows
    // reads at start.
    let types = resource_types(&exe);
    for (id, what) in [
        (3, "icon"),
        (14, "icon group"),
        (16, "version"),
        (24, "manifest"),
    ] {
        assert!(types.contains(&id), "no {what} resource: {types:?}");
    }
    let utf16 =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let holds = |needle: &[u8]| exe.windows(needle.len()).any(|window| window == needle);
    let version = format!("FileVersion\0\0{}", env!("CARGO_PKG_VERSION"));
    assert!(holds(&utf16(&version)), "the version is not Cargo.toml's");
    assert!(
        holds(&utf16("Ügyfélkapu+ kulcsok mentése")),
        "no Hungarian description"
    );
    assert!(holds(b"requestedExecutionLevel level=\"asInvoker\""));
}
