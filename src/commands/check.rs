//! `kapukulcs ellenorzes`: "whose code is this?". The user types the codes
//! the phone shows, one after another; each is matched against every saved
//! account. A code that belongs to nobody marks a stale entry on the phone
//! (a failed earlier try), which the guide says to delete; a code from a
//! key cancelled after a lost phone, or from a former key, says so. `--live`
//! shows everyone's current code with a countdown, like an authenticator;
//! Ctrl-C ends it and clears the screen and its scrollback.

use std::{io::Write, time::Duration};

use crate::{
    clock::Clock,
    commands::options::{Context, HelpFlag},
    error::Error,
    family::Family,
    fl,
    interrupt::ShowingSecrets,
    phone_check::time_bar,
    prompter::Prompter,
    totp::{self, Verification},
    vault::{Access, Vault, bundle::human_date},
};

/// The command line of `ellenorzes`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// Codes given on the command line.
    #[arg(value_name = "123456", num_args = 0.., help_heading = fl!("help-arguments-heading"), help = fl!("help-check-codes"))]
    pub codes: Vec<String>,
    /// `--live`: everyone's current code, like an authenticator.
    #[arg(long, help = fl!("help-check-live"))]
    pub live: bool,
}

/// Whose valid account `typed` belongs to at `now`: the names of every
/// match (normally one), or none for a stale entry. A cancelled key is not
/// valid (see [`no_longer_valid`]).
pub fn whose(family: &Family, typed: &str, now: u64) -> Vec<String> {
    family
        .members
        .iter()
        .filter(|m| m.cancelled.is_none())
        .filter(|m| totp::verify(&m.account, typed, now) == Verification::Match)
        .map(|m| m.name.clone())
        .collect()
}

/// What `typed` says about keys that no longer log in: a line for each
/// cancelled key and each former key whose code it is at `now`.
pub fn no_longer_valid(family: &Family, typed: &str, now: u64) -> Vec<String> {
    let code = typed.trim();
    let mut lines = Vec::new();
    for member in &family.members {
        let name = member.name.as_str();
        if let Some(date) = member.cancelled
            && totp::verify(&member.account, typed, now) == Verification::Match
        {
            lines.push(fl!(
                "check-cancelled",
                code = code,
                name = name,
                date = human_date(date)
            ));
        }
        for former in &member.history {
            if totp::verify(&former.account, typed, now) == Verification::Match {
                lines.push(match former.cancelled {
                    Some(date) => fl!(
                        "check-cancelled",
                        code = code,
                        name = name,
                        date = human_date(date)
                    ),
                    None => fl!(
                        "check-former",
                        code = code,
                        name = name,
                        date = human_date(former.replaced)
                    ),
                });
            }
        }
    }
    lines
}

/// The answer for one code, in words.
pub fn answer(family: &Family, typed: &str, now: u64) -> String {
    let names = whose(family, typed, now);
    let old = no_longer_valid(family, typed, now);
    let mut lines = Vec::new();
    if !names.is_empty() {
        lines.push(fl!(
            "check-belongs",
            code = typed.trim(),
            names = names.join(", ")
        ));
    }
    lines.extend(old);
    if lines.is_empty() {
        lines.push(fl!("check-nobody", code = typed.trim()));
    }
    lines.join("\n")
}

/// Everyone's current code with the seconds left, as a table.
pub fn live_view(family: &Family, now: u64) -> String {
    let mut lines = vec![fl!("check-live-title")];
    for member in &family.members {
        if member.cancelled.is_some() {
            lines.push(format!(
                "  {:<20} {}",
                member.name,
                fl!("check-live-cancelled")
            ));
            continue;
        }
        let code = totp::generate(&member.account, now);
        let left = totp::seconds_left(&member.account, now);
        let spaced = if code.len() == 6 {
            format!("{} {}", &code[..3], &code[3..])
        } else {
            code
        };
        lines.push(format!(
            "  {:<20} {spaced:>9}  {} {left:>2} s",
            member.name,
            time_bar(left, u64::from(member.account.period))
        ));
    }
    lines.join("\n")
}

/// Runs `ellenorzes`: the given codes, or asks for codes until an empty line.
pub fn run(
    ctx: &Context,
    options: &Options,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Read)?;
    let clock = &ctx.clock;
    if options.live {
        // Redraw in place once a second until Ctrl-C ends the program,
        // which then clears the screen and the scrollback as well.
        let _showing = ShowingSecrets::start();
        loop {
            prompter.clear_screen();
            let written = write!(
                out,
                "{}\n{}\n",
                live_view(&vault.family, clock.unix()),
                fl!("check-live-quit")
            )
            .and_then(|()| out.flush());
            if written.is_err() {
                // Nobody reads any more (a closed pipe, a full disk): the
                // checked output names the error, if any, when the run ends.
                return Ok(());
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    if !options.codes.is_empty() {
        for code in &options.codes {
            let _ = writeln!(out, "{}", answer(&vault.family, code, clock.unix()));
        }
        return Ok(());
    }
    ask_codes(&vault.family, prompter, clock)
}

/// Asks for codes one after another until an empty line, answering each:
/// `ellenorzes` without codes, and the main menu's check.
pub fn ask_codes(
    family: &Family,
    prompter: &mut impl Prompter,
    clock: &Clock,
) -> Result<(), Error> {
    prompter.say(&fl!("check-intro"));
    loop {
        let typed = prompter.input(&fl!("check-ask"), None, true)?;
        if typed.trim().is_empty() {
            return Ok(());
        }
        prompter.say(&answer(family, &typed, clock.unix()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::bundle::tests::demo_family;

    #[test]
    fn codes_are_matched_to_their_person_and_stale_ones_to_nobody() {
        let family = demo_family();
        let now = 1_700_000_000;
        for member in &family.members {
            let code = totp::generate(&member.account, now);
            assert_eq!(whose(&family, &code, now), vec![member.name.clone()]);
            assert!(answer(&family, &code, now).contains(&member.name));
        }
        let stale = crate::formats::otpauth::OtpAuth::new(
            None,
            "x".into(),
            crate::formats::otpauth::Key::from_bytes(vec![9; 12]),
        );
        let code = totp::generate(&stale, now);
        assert!(whose(&family, &code, now).is_empty());
        assert_eq!(
            answer(&family, &code, now),
            fl!("check-nobody", code = code.as_str())
        );
    }

    #[test]
    fn a_code_from_a_cancelled_or_former_key_says_it_no_longer_logs_in() {
        use time::macros::datetime;
        let mut family = demo_family();
        let now = 1_700_000_000;
        let mama_old = totp::generate(&family.members[1].account, now);
        family.members[1].cancelled = Some(datetime!(2026-12-01 10:00 UTC));
        assert!(whose(&family, &mama_old, now).is_empty());
        assert_eq!(
            answer(&family, &mama_old, now),
            fl!(
                "check-cancelled",
                code = mama_old.as_str(),
                name = "Mama",
                date = "2026. 12. 01."
            )
        );
        assert!(live_view(&family, now).contains(&fl!("check-live-cancelled")));

        // Registered again: the old key is in the history, the new one valid.
        let new = crate::formats::otpauth::OtpAuth::new(
            None,
            "kovacs.maria".into(),
            crate::formats::otpauth::Key::from_bytes(vec![5; 12]),
        );
        let later = datetime!(2026-12-02 10:00 UTC);
        family.members[1].replace_key(new.to_uri(), new.clone(), None, later);
        family.members[1].stage = crate::family::Stage::Done;
        let fresh = totp::generate(&new, now);
        assert_eq!(whose(&family, &fresh, now), vec!["Mama".to_owned()]);
        assert_eq!(
            answer(&family, &mama_old, now),
            fl!(
                "check-cancelled",
                code = mama_old.as_str(),
                name = "Mama",
                date = "2026. 12. 01."
            )
        );
        // A former key replaced without a cancellation is named as former.
        family.members[1].history[0].cancelled = None;
        assert_eq!(
            answer(&family, &mama_old, now),
            fl!(
                "check-former",
                code = mama_old.as_str(),
                name = "Mama",
                date = "2026. 12. 02."
            )
        );
    }

    #[test]
    fn live_view_shows_everyones_current_code() {
        let family = demo_family();
        let now = 1_700_000_000;
        let view = live_view(&family, now);
        for member in &family.members {
            let code = totp::generate(&member.account, now);
            assert!(
                view.contains(&format!("{} {}", &code[..3], &code[3..])),
                "{view}"
            );
            assert!(view.contains(&member.name));
        }
    }
}
