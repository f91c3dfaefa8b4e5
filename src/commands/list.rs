//! `kapukulcs lista`: who is in the bundle, without any secret: name,
//! username, issuer, when last confirmed, whether the deletion code is
//! saved, and the key's state after a lost phone (cancelled on a date,
//! still to cancel, registered again).

use std::io::Write;

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::Family,
    fl,
    flows::lost::lost_state,
    prompter::{Prompter, print},
    vault::{Access, Vault, bundle::human_date},
};

/// The command line of `lista`: only the bundle options.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
}

/// Lays out the family as a table with a header row.
pub fn table(family: &Family) -> String {
    let none = fl!("card-none");
    let mut rows = vec![[
        fl!("list-name"),
        fl!("list-username"),
        fl!("list-issuer"),
        fl!("list-confirmed"),
        fl!("list-deletion-code"),
        fl!("list-state"),
    ]];
    for member in &family.members {
        rows.push([
            member.name.clone(),
            member.username.clone().unwrap_or_else(|| none.clone()),
            member
                .account
                .issuer
                .clone()
                .unwrap_or_else(|| none.clone()),
            member
                .confirmed
                .map_or_else(|| fl!("card-never"), human_date),
            if member.deletion_code.is_some() {
                fl!("list-yes")
            } else {
                fl!("list-missing")
            },
            lost_state(member),
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut text = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        text.push_str(cells.join("  ").trim_end());
        text.push('\n');
    }
    text
}

/// Runs `lista`.
pub fn run(ctx: &Context, prompter: &mut impl Prompter, out: &mut dyn Write) -> Result<(), Error> {
    let vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Read)?;
    if vault.family.members.is_empty() {
        print(
            out,
            &fl!("info-nobody-yet", surface = crate::i18n::surface()),
        )?;
    } else {
        print(out, table(&vault.family).trim_end())?;
        if let Some(note) = vault
            .printed
            .as_ref()
            .and_then(|printed| printed.out_of_date_note(&vault.family))
        {
            print(out, &format!("\n{note}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::bundle::tests::demo_family;
    use time::macros::datetime;

    /// Issue 18: the list, the sheet and the bundle's cards name the
    /// issuer with one word.
    #[test]
    fn the_issuer_has_one_name_on_the_list_and_on_the_sheet() {
        let family = demo_family();
        let table = table(&family);
        let header = table.lines().next().unwrap();
        let word = fl!("sheet-label-issuer");
        assert!(header.contains(&word), "{header} / {word}");
        let card = fl!("card-issuer", issuer = "Ügyfélkapu+");
        assert!(card.starts_with(&word), "{card} / {word}");
    }

    #[test]
    fn a_cancelled_key_shows_its_date_and_a_lost_one_that_it_is_still_valid() {
        let mut family = demo_family();
        family.members[0].cancelled = Some(datetime!(2026-12-01 10:00 UTC));
        family.members[1].lost = Some(datetime!(2026-12-01 09:00 UTC));
        let table = table(&family);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].ends_with(&fl!("list-state")), "{table}");
        assert!(
            lines[1].ends_with(&fl!("lost-state-cancelled", date = "2026. 12. 01.")),
            "{table}"
        );
        assert!(
            lines[2].ends_with(&fl!("lost-state-pending", date = "2026. 12. 01.")),
            "{table}"
        );
        assert!(lines[3].ends_with(&fl!("lost-state-valid")), "{table}");
    }
}
