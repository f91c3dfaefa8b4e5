//! `kapukulcs demo`, as a new user runs it first: it must make a real
//! bundle, a real sheet and pictures that the other commands accept.

use std::process::Command;

fn kapukulcs(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kapukulcs"))
        .args(args)
        .env("LANG", "hu_HU.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

/// Runs `demo` into `root` and returns what it printed.
fn demo(root: &std::path::Path) -> String {
    let out = kapukulcs(&["demo", "--dir", root.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn demo_makes_a_family_that_the_other_commands_accept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("bemutato");
    let text = demo(&root);
    let bundle = root.join("kapukulcs-mentes.age");
    let passphrase = root.join("demo-jelszo.txt");
    for path in [
        &bundle,
        &passphrase,
        &root.join("helyreallito-lap.pdf"),
        &root.join("kepek/mama.png"),
    ] {
        assert!(path.is_file(), "{} missing", path.display());
        assert!(
            text.contains(&path.display().to_string()) || path.ends_with("mama.png"),
            "{text}"
        );
    }
    assert!(text.contains("Próbáld ki"), "{text}");

    let list = kapukulcs(&[
        "--bundle",
        bundle.to_str().unwrap(),
        "--passphrase-file",
        passphrase.to_str().unwrap(),
        "lista",
    ]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let list = String::from_utf8(list.stdout).unwrap();
    for name in ["Én", "Mama", "Papa", "kovacs.maria", "megvan"] {
        assert!(list.contains(name), "{name} missing from {list}");
    }

    let decoded = kapukulcs(&["dekodol", root.join("kepek/papa.png").to_str().unwrap()]);
    assert!(decoded.status.success());
    assert!(
        String::from_utf8(decoded.stdout)
            .unwrap()
            .contains("kovacs.janos")
    );
    let pdf = std::fs::read(root.join("helyreallito-lap.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

/// The "try" lines of the demo's output: those that run the program.
fn hints(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|line| line.contains(" dekodol ") || line.ends_with(" lista"))
        .collect()
}

/// Pastes each hint into `sh` with `path` as the PATH; each must work.
fn paste(hints: &[&str], path: &str) {
    for hint in hints {
        let run = Command::new("sh")
            .args(["-c", hint])
            .env("PATH", path)
            .env("LANG", "hu_HU.UTF-8")
            .env_remove("LC_ALL")
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{hint}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(!run.stdout.is_empty(), "{hint} printed nothing");
    }
}

#[test]
fn demo_hints_work_when_pasted_into_a_shell_even_with_spaces_in_the_path() {
    let dir = tempfile::tempdir().unwrap();
    // A profile folder like "Kovács Péter" has a space in it.
    let root = dir.path().join("Kovács Péter bemutató");
    let system_path = std::env::var("PATH").unwrap_or_default();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_kapukulcs")).unwrap();

    // As after `cargo run`: the program is not on the PATH, so the hints
    // name it by its full path, and work as printed.
    let text = demo(&root);
    let printed = hints(&text);
    assert_eq!(printed.len(), 3, "{text}");
    for hint in &printed {
        assert!(
            hint.starts_with(&format!("'{}'", exe.display()))
                || hint.starts_with(&exe.display().to_string()),
            "{hint}"
        );
    }
    paste(&printed, &system_path);

    // As after `cargo install`: the program is on the PATH as `kapukulcs`.
    let bin = exe.parent().unwrap();
    let path = format!("{}:{system_path}", bin.display());
    let root = dir.path().join("második");
    let out = Command::new(env!("CARGO_BIN_EXE_kapukulcs"))
        .args(["demo", "--dir", root.to_str().unwrap()])
        .env("PATH", &path)
        .env("LANG", "hu_HU.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let printed = hints(&text);
    assert_eq!(printed.len(), 3, "{text}");
    assert!(
        printed.iter().all(|h| h.starts_with("kapukulcs ")),
        "{text}"
    );
    paste(&printed, &path);
}
