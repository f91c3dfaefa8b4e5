//! `kapukulcs importalas FÁJL...`: for people who registered without saving
//! anything. Reads what their authenticator app can give: screenshots of
//! Google Authenticator's "Transfer accounts" codes (any number of
//! batches), an Aegis plain JSON export, or a list of otpauth URIs (Aegis,
//! Ente Auth, 2FAS). No file is all or nothing: it shows what it found,
//! names every entry it had to leave out and why, then lets the user pick
//! the Ügyfélkapu+ entries and say whose each is, proves each with a code,
//! and saves.

use std::{io::Write, path::PathBuf};

use zeroize::Zeroizing;

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::{Member, Stage, is_ugyfelkapu, who},
    fl,
    flows::phone_check::confirm_phone_code,
    formats::{
        ImportError, ImportKind, aegis,
        google_transfer::{self, MigrationError},
        otpauth::{OtpAuth, is_otpauth},
        skipped::Skipped,
        uri_list::{self, Imported, LineError},
    },
    prompter::{Prompter, print},
    qr::{
        decode::QrReadError,
        picture::{self, ImageError, PictureError},
        read::read_qr_codes,
    },
    vault::{Access, Vault},
};

/// The command line of `importalas`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// The files.
    #[arg(value_name = fl!("help-value-file"), required = true, num_args = 1.., help_heading = fl!("help-arguments-heading"), help = fl!("help-import-files"))]
    pub files: Vec<PathBuf>,
}

/// Reads the accounts in one file, whatever kind it is, and what it had to
/// skip. An error only when nothing in the file is readable.
pub fn accounts_in(path: &std::path::Path, bytes: &[u8]) -> Result<Imported, Error> {
    let import_error = |kind| {
        Error::Import(ImportError {
            path: path.to_path_buf(),
            kind,
        })
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.trim_start().starts_with('{') {
            let imported = aegis::import(bytes).map_err(|e| import_error(ImportKind::Aegis(e)))?;
            return Ok(Imported {
                accounts: imported.accounts.into_iter().map(|e| e.account).collect(),
                skipped: imported.skipped,
            });
        }
        // A list may open with comments or a line that is no URI.
        if text
            .lines()
            .any(|line| is_otpauth(line) || google_transfer::is_migration(line))
        {
            return uri_list::import(text).map_err(|e| import_error(ImportKind::UriList(e)));
        }
    }
    // Anything else should be a picture of QR codes. What they say holds
    // keys: each text is wiped once read.
    let texts: Vec<Zeroizing<String>> = read_qr_codes(bytes, |_| false)
        .map_err(|e| PictureError::new(path, ImageError::Read(e)))?
        .into_iter()
        .map(Zeroizing::new)
        .collect();
    let mut found = Imported::default();
    let mut damaged: Option<MigrationError> = None;
    for text in &texts {
        match uri_list::read(text, None, &mut found) {
            Ok(()) => {}
            Err(LineError::Migration(error)) => {
                damaged.get_or_insert(error);
            }
            // A web link or other text beside the codes is not ours.
            Err(LineError::Uri(_)) => {}
        }
    }
    if found.accounts.is_empty() && found.skipped.is_empty() {
        return Err(match damaged {
            Some(error) => import_error(ImportKind::Migration(error)),
            None => PictureError::new(path, ImageError::Read(QrReadError::NoQrCode)).into(),
        });
    }
    if damaged.is_some() {
        found.skipped.push(Skipped::unreadable(None));
    }
    Ok(found)
}

/// What `importalas` says before its first question: the accounts found,
/// then every entry left out and why (everything left behind is named
/// before any question about the rest).
pub fn summary(found: &[OtpAuth], skipped: &[Skipped]) -> Vec<String> {
    let mut lines = Vec::new();
    if !found.is_empty() {
        lines.push(fl!("import-found", count = found.len().to_string()));
    }
    for (index, account) in found.iter().enumerate() {
        let item = fl!(
            "import-found-item",
            number = (index + 1).to_string(),
            issuer = account.issuer.as_deref().unwrap_or_default(),
            account = account.account.as_str()
        );
        lines.push(format!("  {item}"));
    }
    if !skipped.is_empty() {
        lines.push(fl!("import-skipped", count = skipped.len().to_string()));
        for entry in skipped {
            lines.push(format!("  – {}", entry.words()));
        }
    }
    lines
}

/// Runs `importalas`.
pub fn run(
    ctx: &Context,
    files: &[PathBuf],
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let clock = &ctx.clock;
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
        let bytes = picture::read_file(path)?;
        let imported = accounts_in(path, bytes.expose())?;
        found.extend(imported.accounts);
        skipped.extend(imported.skipped);
    }
    for line in summary(&found, &skipped) {
        prompter.say(&line);
    }
    if found.is_empty() {
        return Err(Error::Import(ImportError {
            path: files.first().cloned().unwrap_or_default(),
            kind: ImportKind::Nothing,
        }));
    }
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Create)?;
    let mut added = 0;
    for account in found {
        let label = format!(
            "{} – {}",
            account.issuer.clone().unwrap_or_default(),
            account.account
        );
        let choices = [fl!("import-take"), fl!("import-skip")];
        let default = if is_ugyfelkapu(&account) { 0 } else { 1 };
        if prompter.select(
            &fl!("import-ask", label = label.as_str()),
            &choices,
            default,
        )? != 0
        {
            continue;
        }
        let name = loop {
            let name =
                prompter.input(&fl!("import-ask-name", label = label.as_str()), None, false)?;
            let name = name.trim().to_owned();
            if name.is_empty() {
                prompter.say(&fl!("err-name-empty"));
            } else if vault.family.find(&name).is_some() {
                prompter.say(&fl!("err-name-taken", name = name.as_str()));
            } else {
                break name;
            }
        };
        let mut member = Member::new(name.clone(), account, clock.now());
        member.stage = Stage::PhoneConfirmed;
        vault.family.add(member)?;
        let ask = fl!("restore-ask-code", name = name.as_str(), who = who(&name));
        confirm_phone_code(prompter, &vault.family, &name, &ask, clock)?;
        let now = clock.now();
        if let Some(member) = vault.family.find_mut(&name) {
            member.confirmed = Some(now);
            // The deletion code was shown once, when they registered; if it
            // was not saved, the wizard asks for it next time.
            member.stage = Stage::PhoneConfirmed;
        }
        crate::flows::safe_save::save(&mut vault, prompter, now, &|family| {
            family.members.iter().map(|m| m.name.clone()).collect()
        })?;
        added += 1;
    }
    print(out, &fl!("import-done", count = added.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    use time::OffsetDateTime;

    use crate::{
        clock::Clock,
        formats::otpauth::{Key, OtpAuth},
        prompter::Scripted,
        qr::draw,
        totp,
        vault::Keys,
    };

    #[test]
    fn a_google_transfer_screenshot_is_imported_and_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let mama = OtpAuth::new(
            Some("Ügyfélkapu+".into()),
            "kovacs.maria".into(),
            Key::from_bytes(vec![7; 12]),
        );
        let other = OtpAuth::new(
            Some("GitHub".into()),
            "anna".into(),
            Key::from_bytes(vec![9; 20]),
        );
        let codes = google_transfer::encode(&[mama.clone(), other], 42);
        let picture = dir.path().join("atvitel.png");
        fs::write(&picture, draw::png(&codes[0], 6).unwrap().expose()).unwrap();

        let at = 1_700_000_010;
        let ctx = Context {
            bundle: dir.path().join("mentes.age"),
            keys: Keys {
                work_factor: Some(4),
                ..Keys::default()
            },
            clock: Clock::fixed(OffsetDateTime::from_unix_timestamp(at).unwrap()),
        };
        let mut prompter = Scripted {
            secrets: vec!["kert-alma-hegy-tavasz-77".into(); 2],
            // Take the Ügyfélkapu+ entry, skip GitHub.
            selections: vec![0, 1],
            inputs: vec!["Mama".into(), totp::generate(&mama, at as u64)],
            ..Scripted::default()
        };
        let mut out = Vec::new();
        run(&ctx, &[picture], &mut prompter, &mut out).unwrap();
        assert!(
            prompter.shown.iter().any(|s| s.contains("GitHub – anna")),
            "{:?}",
            prompter.shown
        );

        let mut prompter = Scripted {
            secrets: vec!["kert-alma-hegy-tavasz-77".into()],
            ..Scripted::default()
        };
        let vault = Vault::open(&ctx.bundle, &ctx.keys, &mut prompter, Access::Read).unwrap();
        assert_eq!(vault.family.members.len(), 1);
        let member = &vault.family.members[0];
        assert_eq!(member.name, "Mama");
        assert!(member.account.key == mama.key);
        assert!(member.confirmed.is_some());
    }

    #[test]
    fn aegis_text_export_keeps_what_was_taken_with_seven_digits() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("aegis.txt");
        fs::write(&list, include_str!("../../tests/data/aegis/plain.txt")).unwrap();
        let deno = OtpAuth::parse(
            "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno",
        )
        .unwrap();
        let spdx = OtpAuth::parse(
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20",
        )
        .unwrap();
        let at = 1_700_000_010;
        let ctx = Context {
            bundle: dir.path().join("mentes.age"),
            keys: Keys {
                work_factor: Some(4),
                ..Keys::default()
            },
            clock: Clock::fixed(OffsetDateTime::from_unix_timestamp(at).unwrap()),
        };
        let mut prompter = Scripted {
            secrets: vec!["kert-alma-hegy-tavasz-77".into(); 2],
            // Take Deno (6 digits) and SPDX (7 digits), leave Airbnb.
            selections: vec![0, 0, 1],
            inputs: vec![
                "Deno".into(),
                totp::generate(&deno, at as u64),
                "Öcsi".into(),
                totp::generate(&spdx, at as u64),
            ],
            ..Scripted::default()
        };
        let mut out = Vec::new();
        run(&ctx, &[list], &mut prompter, &mut out).unwrap();
        // What is left out, line by line, is the binary's to show
        // (tests/it/imports.rs); here: only the two taken are asked about.
        // Asked whose each taken account is.
        assert_eq!(
            prompter
                .asked
                .iter()
                .filter(|q| q.starts_with("Kié ez a fiók"))
                .count(),
            2,
            "{:?}",
            prompter.asked
        );

        let mut prompter = Scripted {
            secrets: vec!["kert-alma-hegy-tavasz-77".into()],
            ..Scripted::default()
        };
        let vault = Vault::open(&ctx.bundle, &ctx.keys, &mut prompter, Access::Read).unwrap();
        let names: Vec<_> = vault
            .family
            .members
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["Deno", "Öcsi"]);
        // The 7-digit SHA-256 key comes back from the bundle as it went in.
        let seven = &vault.family.members[1].account;
        assert_eq!((seven.digits, seven.period), (7, 20));
        assert_eq!(
            totp::generate(seven, at as u64),
            totp::generate(&spdx, at as u64)
        );
    }
}
