//! `kapukulcs visszaallitas`: puts the family's accounts back on a new or
//! repaired phone. One person at a time it shows a large QR code in the
//! terminal (both colours drawn, so any theme scans), the name and the key
//! for typing by hand, then asks for the phone's code and records the
//! confirmation. `--png`, `--pdf` and `--google` write or show the same
//! for scripts and for apps that import Google's transfer codes.

use std::{io::Write, path::PathBuf};

use time::OffsetDateTime;

use crate::{
    commands::{add::UGYFELKAPU_ISSUER, context::Context, print::write_sheet},
    error::Error,
    family::{Family, Member},
    fl, migration,
    otpauth::OtpAuth,
    prompter::Prompter,
    qr_draw, qr_terminal,
    secret::SecretString,
    store,
    vault::Vault,
    wizard,
};

/// The options of `visszaallitas`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestoreArgs {
    /// Only these people (all when empty).
    pub only: Vec<String>,
    /// `--png DIR`: write pictures instead of asking.
    pub png: Option<PathBuf>,
    /// `--pdf FILE`: write the recovery sheet again.
    pub pdf: Option<PathBuf>,
    /// `--google`: Google Authenticator transfer codes.
    pub google: bool,
}

/// The account as it goes back on the phone: the original key and
/// parameters, labelled with whose it is ("Mama (kovacs.maria)"), so that
/// no two entries share a label (some apps replace an entry with the same
/// label).
pub fn labelled(member: &Member) -> OtpAuth {
    let mut account = member.account.clone();
    account.issuer = Some(
        account
            .issuer
            .clone()
            .unwrap_or_else(|| UGYFELKAPU_ISSUER.to_owned()),
    );
    account.account = match &member.username {
        Some(username) => format!("{} ({username})", member.name),
        None => member.name.clone(),
    };
    account
}

fn chosen<'a>(family: &'a Family, only: &[String]) -> Result<Vec<&'a Member>, Error> {
    if only.is_empty() {
        return Ok(family.members.iter().collect());
    }
    only.iter()
        .map(|name| {
            family
                .find(name)
                .ok_or_else(|| crate::family::FamilyError::NoSuchMember(name.clone()).into())
        })
        .collect()
}

fn write_picture(path: PathBuf, text: &SecretString) -> Result<PathBuf, Error> {
    let png = qr_draw::png(text, 10).map_err(|_| Error::Bundle {
        path: path.clone(),
        error: crate::bundle::BundleError::QrTooLong(path.display().to_string()),
    })?;
    store::write_atomic(&path, png.expose(), &|start| start.starts_with(b"\x89PNG"))?;
    Ok(path)
}

/// The Google transfer codes for `members`, warning about accounts the
/// format cannot carry (a period other than 30 seconds).
fn google_codes(members: &[&Member], prompter: &mut impl Prompter) -> Vec<SecretString> {
    let accounts: Vec<OtpAuth> = members
        .iter()
        .filter(|m| {
            let ok = migration::representable(&m.account);
            if !ok {
                prompter.say(&fl!("warn-google-period", name = m.name.as_str()));
            }
            ok
        })
        .map(|m| labelled(m))
        .collect();
    migration::encode(&accounts, rand::random())
}

/// Runs `visszaallitas`.
pub fn run(
    ctx: &Context,
    args: &RestoreArgs,
    prompter: &mut impl Prompter,
    clock: &dyn Fn() -> OffsetDateTime,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, false)?;
    let members = chosen(&vault.family, &args.only)?;
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();

    if args.png.is_some() || args.pdf.is_some() {
        if let Some(dir) = &args.png {
            let written: Vec<PathBuf> = if args.google {
                google_codes(&members, prompter)
                    .iter()
                    .enumerate()
                    .map(|(i, code)| {
                        write_picture(dir.join(format!("google-atvitel-{}.png", i + 1)), code)
                    })
                    .collect::<Result<_, _>>()?
            } else {
                members
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let file = format!("{}.png", crate::bundle::folder_name(i, &m.name));
                        write_picture(dir.join(file), &labelled(m).to_uri())
                    })
                    .collect::<Result<_, _>>()?
            };
            for path in written {
                let _ = writeln!(out, "{}", path.display());
            }
        }
        if let Some(pdf) = &args.pdf {
            let mut family = Family::default();
            for member in &members {
                family.members.push((*member).clone());
            }
            write_sheet(&family, pdf, ctx)?;
            let _ = writeln!(out, "{}", pdf.display());
        }
        return Ok(());
    }

    if args.google {
        let codes = google_codes(&members, prompter);
        let count = codes.len();
        for (index, code) in codes.iter().enumerate() {
            let picture = qr_terminal::render(code).map_err(|_| Error::Cancelled)?;
            prompter.say(&format!(
                "\x1b[2J\x1b[H{}",
                fl!(
                    "restore-google",
                    index = (index + 1).to_string(),
                    count = count.to_string()
                )
            ));
            prompter.say(picture.expose());
            prompter.pause(&fl!("restore-google-next"))?;
        }
    }
    for name in &names {
        let member = vault.family.find(name).expect("chosen from this family");
        if !args.google {
            let account = labelled(member);
            let picture = qr_terminal::render(&account.to_uri()).map_err(|_| Error::Cancelled)?;
            prompter.say(&format!(
                "\x1b[2J\x1b[H{}",
                fl!(
                    "restore-person",
                    name = name.as_str(),
                    entry = account.account.as_str()
                )
            ));
            prompter.say(picture.expose());
            let key = member.account.key.grouped();
            prompter.say(&fl!("restore-key", key = key.expose()));
        }
        let ask = fl!("restore-ask-code", name = name.as_str());
        wizard::confirm_phone_code(prompter, &vault.family, name, &ask, clock)?;
        let now = clock();
        if let Some(member) = vault.family.find_mut(name) {
            member.confirmed = Some(now);
        }
        vault.save(prompter, now)?;
        prompter.say(&fl!("restore-confirmed", name = name.as_str()));
    }
    let _ = writeln!(
        out,
        "{}",
        fl!("restore-done", count = names.len().to_string())
    );
    Ok(())
}
