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

#[test]
fn demo_hints_work_when_pasted_into_a_shell_even_with_spaces_in_the_path() {
    let dir = tempfile::tempdir().unwrap();
    // A profile folder like "Kovács Péter" has a space in it.
    let root = dir.path().join("Kovács Péter bemutató");
    let text = demo(&root);
    let hints: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("kapukulcs "))
        .collect();
    assert_eq!(hints.len(), 3, "{text}");
    // The program as the shell would find it on the PATH.
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_kapukulcs"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for hint in hints {
        let run = Command::new("sh")
            .args(["-c", hint])
            .env("PATH", &path)
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
