//! `scripts/release` as a maintainer runs it: from any folder, with
//! `CARGO_TARGET_DIR` set, from a source archive without git. A stand-in
//! `cargo` on `PATH` makes the "build" instant, so the test checks the
//! script's own work: where it takes the program from, the archive's
//! contents and its times.

use std::path::Path;
use std::process::Command;

/// The files the Linux archive is made from, copied without `.git`.
const SOURCES: &[&str] = &[
    "scripts/release",
    "Cargo.toml",
    "Cargo.lock",
    "LICENSE",
    "packaging/OLVASS-EL.txt",
    "src/sheet/fonts/LICENSE-DejaVu.txt",
];

/// A `cargo` that "builds" by writing a small file where real cargo would
/// put the program: `CARGO_TARGET_DIR` (relative to where it runs) or
/// `target/`; `metadata` answers with that folder, as cargo does.
const FAKE_CARGO: &str = r#"#!/bin/sh
dir=${CARGO_TARGET_DIR:-target}
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
case "$1" in
  build) mkdir -p "$dir/dist" && echo "the program" > "$dir/dist/kapukulcs" ;;
  metadata) printf '{"target_directory": "%s"}\n' "$dir" ;;
  *) exit 1 ;;
esac
"#;

fn copy_sources(root: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in SOURCES {
        let to = root.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(repo.join(file), &to).unwrap();
    }
    // A checkout that lost its times (an archive unpacked as 1970-01-01).
    for file in SOURCES {
        let status = Command::new("touch")
            .args(["-d", "@0"])
            .arg(root.join(file))
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
#[ignore = "needs tar, gzip, python3 and GNU find"]
fn the_linux_archive_takes_the_program_from_cargo_target_dir_and_holds_both_licences_without_git() {
    let work = tempfile::tempdir().unwrap();
    let repo = work.path().join("kapukulcs");
    copy_sources(&repo);
    let bin = work.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::fs::write(bin.join("cargo"), FAKE_CARGO).unwrap();
    let status = Command::new("chmod")
        .arg("+x")
        .arg(bin.join("cargo"))
        .status()
        .unwrap();
    assert!(status.success());
    let caller = work.path().join("elsewhere");
    std::fs::create_dir(&caller).unwrap();

    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new(repo.join("scripts/release"))
        .arg("linux")
        .current_dir(&caller)
        .env("PATH", &path)
        // Relative: the caller's folder, as for cargo itself.
        .env("CARGO_TARGET_DIR", "build")
        .env_remove("SOURCE_DATE_EPOCH")
        // No repository above the copy either.
        .env("GIT_CEILING_DIRECTORIES", work.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        caller.join("build/dist/kapukulcs").exists(),
        "the build is not in the caller's CARGO_TARGET_DIR: {stderr}"
    );

    let version = "kapukulcs-".to_owned() + env!("CARGO_PKG_VERSION") + "-linux-x86_64";
    let archive = repo.join("dist").join(format!("{version}.tar.gz"));
    let listing = Command::new("tar")
        .args(["--utc", "-tvzf"])
        .arg(&archive)
        .output()
        .unwrap();
    assert!(listing.status.success());
    let listing = String::from_utf8_lossy(&listing.stdout);
    for file in [
        "kapukulcs",
        "OLVASS-EL.txt",
        "LICENSE",
        "LICENSE-DejaVu.txt",
    ] {
        assert!(
            listing.contains(&format!("{version}/{file}\n")),
            "{file} missing:\n{listing}"
        );
    }
    // Every entry dated after 1980 (a zip cannot hold an earlier time),
    // even though git was not there to give the commit's.
    for line in listing.lines() {
        let year: u32 = line
            .split_whitespace()
            .nth(3)
            .and_then(|date| date.get(..4))
            .and_then(|year| year.parse().ok())
            .unwrap_or_else(|| panic!("no date in {line}"));
        assert!(year >= 1980, "{line}");
    }
}
