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
    family::{Family, who},
    fl,
    flows::phone_check::time_bar,
    interrupt::ShowingSecrets,
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
                who = who(name),
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
                        who = who(name),
                        date = human_date(date)
                    ),
                    None => fl!(
                        "check-former",
                        code = code,
                        name = name,
                        who = who(name),
                        date = human_date(former.replaced)
                    ),
                });
            }
        }
    }
    lines
}

/// `typed` as a code: only digits (spaces and dashes dropped), as many as
/// a saved account's codes have (6 when nobody is saved). `None` for
/// anything else: a typing error, never a code worth matching.
pub fn well_formed(family: &Family, typed: &str) -> Option<String> {
    let mut lengths: Vec<u8> = family.members.iter().map(|m| m.account.digits).collect();
    lengths.push(6);
    lengths
        .into_iter()
        .find_map(|digits| totp::normalize_code(typed, digits))
}

/// Whether `typed` is one slip from `code`: one digit wrong, or two
/// neighbouring digits swapped.
fn one_slip(typed: &str, code: &str) -> bool {
    let (typed, code) = (typed.as_bytes(), code.as_bytes());
    if typed.len() != code.len() {
        return false;
    }
    let differ: Vec<usize> = (0..typed.len()).filter(|&i| typed[i] != code[i]).collect();
    match differ[..] {
        [_] => true,
        [a, b] => b == a + 1 && typed[a] == code[b] && typed[b] == code[a],
        _ => false,
    }
}

/// The people with a valid key whose code now (one step either side) is
/// one slip from `code`: a near miss is a typing error, not a stale entry.
pub fn near_misses(family: &Family, code: &str, now: u64) -> Vec<String> {
    family
        .members
        .iter()
        .filter(|m| m.cancelled.is_none())
        .filter(|m| {
            let period = u64::from(m.account.period);
            [now.saturating_sub(period), now, now + period]
                .iter()
                .any(|&at| one_slip(code, &totp::generate(&m.account, at)))
        })
        .map(|m| m.name.clone())
        .collect()
}

/// A line for each person with a valid key whose code `code` is at another
/// moment within ten minutes: the phone's clock is wrong, the entry right.
fn clock_lines(family: &Family, code: &str, now: u64) -> Vec<String> {
    family
        .members
        .iter()
        .filter(|m| m.cancelled.is_none())
        .filter_map(|m| match totp::verify(&m.account, code, now) {
            Verification::ClockOffset { seconds } => Some(fl!(
                "check-clock",
                code = code,
                name = m.name.as_str(),
                who = who(&m.name),
                direction = if seconds > 0 { "ahead" } else { "behind" },
                seconds = seconds.unsigned_abs().to_string()
            )),
            _ => None,
        })
        .collect()
}

/// The answer for one code, in words. Only a well-formed code that is
/// nobody's, at no moment within ten minutes and not one slip from anyone's,
/// may suggest that the phone's entry is left over, and then as a question:
/// a typing error must never lead to deleting a working entry.
pub fn answer(family: &Family, typed: &str, now: u64) -> String {
    if family.members.is_empty() {
        return fl!("check-empty");
    }
    // What was typed is never repeated unless it is a code: it may hold
    // anything, a key too.
    let Some(code) = well_formed(family, typed) else {
        return fl!("check-format");
    };
    let code = code.as_str();
    let names = whose(family, code, now);
    let old = no_longer_valid(family, code, now);
    let mut lines = Vec::new();
    if !names.is_empty() {
        // The person running the program is spoken to: "a saját kódod".
        let others: Vec<&str> = names
            .iter()
            .filter(|n| who(n) != "self")
            .map(String::as_str)
            .collect();
        let whose = match (others.len() < names.len(), others.is_empty()) {
            (true, true) => "self",
            (true, false) => "mixed",
            _ => "other",
        };
        lines.push(fl!(
            "check-belongs",
            code = code,
            who = whose,
            names = others.join(", ")
        ));
    }
    lines.extend(old);
    if lines.is_empty() {
        lines = clock_lines(family, code, now);
    }
    if lines.is_empty() {
        lines = near_misses(family, code, now)
            .iter()
            .map(|name| {
                fl!(
                    "check-near",
                    code = code,
                    name = name.as_str(),
                    who = who(name)
                )
            })
            .collect();
    }
    if lines.is_empty() {
        lines.push(fl!("check-nobody", code = code));
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
            "  {:<20} {spaced:>9}  {} {}",
            member.name,
            time_bar(left, u64::from(member.account.period)),
            fl!("check-live-seconds", seconds = format!("{left:>2}"))
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
        // Redraw in place once a second (the last frame erased, the next
        // drawn over it: no copy is pushed into the scrollback) until
        // Ctrl-C ends the program, which then clears the screen and the
        // scrollback as well.
        let _showing = ShowingSecrets::start();
        let mut drawn = 0;
        loop {
            let frame = format!(
                "{}\n{}\n",
                live_view(&vault.family, clock.unix()),
                fl!("check-live-quit")
            );
            let flushed = out.flush();
            prompter.erase_lines(drawn);
            let written = flushed
                .and_then(|()| out.write_all(frame.as_bytes()))
                .and_then(|()| out.flush());
            drawn = frame.lines().count();
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
            let said = answer(&family, &code, now);
            if member.name == "Én" {
                assert!(said.contains("a saját kódod"), "{said}");
            } else {
                assert!(said.contains(&member.name), "{said}");
            }
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

    /// Issue 18: every answer about Én's codes speaks to the person ("a
    /// saját kódod", "a MEGSZÜNTETETT kulcsod"), never "Én kódja".
    #[test]
    fn every_answer_about_en_speaks_in_the_second_person() {
        use time::macros::datetime;
        let mut family = demo_family();
        let now = 1_700_000_010;
        let en = family.members[0].account.clone();
        let mut answers = Vec::new();
        let current = totp::generate(&en, now);
        answers.push(answer(&family, &current, now));
        // One digit off, and the phone's clock 90 s ahead.
        let mut near = current.clone().into_bytes();
        near[0] = if near[0] == b'9' { b'0' } else { near[0] + 1 };
        answers.push(answer(&family, &String::from_utf8(near).unwrap(), now));
        answers.push(answer(&family, &totp::generate(&en, now + 90), now));
        // Cancelled, then former.
        family.members[0].cancelled = Some(datetime!(2026-12-01 10:00 UTC));
        answers.push(answer(&family, &current, now));
        let new = crate::formats::otpauth::OtpAuth::new(
            None,
            "kovacs.peter".into(),
            crate::formats::otpauth::Key::from_bytes(vec![9; 12]),
        );
        family.members[0].replace_key(new.to_uri(), new, None, datetime!(2026-12-02 10:00 UTC));
        answers.push(answer(&family, &current, now));
        family.members[0].history[0].cancelled = None;
        answers.push(answer(&family, &current, now));
        assert_eq!(answers.len(), 6);
        for text in &answers {
            assert!(!text.contains("nobody") && !text.is_empty());
            assert_eq!(crate::family::third_person_self(text), None, "{text}");
        }
        assert!(answers[0].contains("a saját kódod"), "{}", answers[0]);
        assert!(
            answers[3].contains("MEGSZÜNTETETT kulcsod"),
            "{}",
            answers[3]
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
                who = "other",
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
                who = "other",
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
                who = "other",
                date = "2026. 12. 02."
            )
        );
    }

    #[test]
    fn a_typing_error_never_gets_told_to_delete_an_entry() {
        let family = demo_family();
        let now = 1_700_000_000;
        let nobody = |code: &str| fl!("check-nobody", code = code);
        let mama = &family.members[1];
        let right = totp::generate(&mama.account, now);
        // One digit wrong, and two neighbours swapped: a near miss.
        let mut wrong = right.clone().into_bytes();
        wrong[2] = if wrong[2] == b'9' { b'0' } else { wrong[2] + 1 };
        let wrong = String::from_utf8(wrong).unwrap();
        let near = answer(&family, &wrong, now);
        assert_ne!(near, nobody(&wrong));
        assert!(
            near.contains(&fl!(
                "check-near",
                code = wrong.as_str(),
                name = "Mama",
                who = "other"
            )),
            "{near}"
        );
        // Malformed: a typing error, and what was typed is not repeated.
        for typed in ["12345", "abc", "1234567", "12a456"] {
            assert_eq!(answer(&family, typed, now), fl!("check-format"), "{typed}");
        }
        // 90 s ahead: the phone's clock, not the entry.
        let ahead = totp::generate(&mama.account, now + 90);
        let said = answer(&family, &ahead, now);
        assert!(
            said.contains(&fl!(
                "check-clock",
                code = ahead.as_str(),
                name = "Mama",
                who = "other",
                direction = "ahead",
                seconds = "90"
            )),
            "{said}"
        );
        // An empty backup has no one to compare with.
        let empty = Family::default();
        assert_eq!(answer(&empty, &right, now), fl!("check-empty"));
        // Nobody's, as a question, not an order.
        let hu = nobody("123456");
        assert!(
            hu.contains('?') && !hu.contains("töröld a telefonon"),
            "{hu}"
        );
    }

    /// Issue 18: the seconds left are "mp", as everywhere in Hungarian.
    #[test]
    fn live_view_counts_seconds_in_the_users_words() {
        let family = demo_family();
        let view = live_view(&family, 1_699_999_983);
        for line in view.lines().skip(1) {
            assert!(line.ends_with("27 mp"), "{view}");
        }
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
