//! Times the PDF recovery sheet for a ten-person family, because the sheet
//! is made while the user waits and must stay small enough to mail to a
//! printer shop or keep beside the encrypted bundle. Prints the median of
//! 20 renders and the file size.
//!
//! Run with `cargo run --release --example sheet_bench`; add
//! `-- --save FILE` to keep the PDF for a look. `-- --note CHARS` also
//! times one render with a note of that many characters for each person
//! (once in words, once as one unbroken word),
//! as a hand-made bundle could hold (the sheet's layout must stay linear:
//! a 1 MB note once took over 30 s).

use std::time::{Duration, Instant};

use kapukulcs::{
    family::{DeletionCode, Family, Member},
    formats::otpauth::{Key, OtpAuth},
    sheet,
};
use time::{OffsetDateTime, macros::datetime};

/// Renders timed; the median is reported.
const RUNS: usize = 20;
const CREATED: OffsetDateTime = datetime!(2026-11-25 14:30 +1);

/// Ten people, as a large family might keep them.
const PEOPLE: [(&str, &str); 10] = [
    ("Én", "kovacs.istvan"),
    ("Mama", "kovacs.maria"),
    ("Papa", "kovacs.janos"),
    ("Nagymama Erzsébet", "szabo.erzsebet"),
    ("Nagypapa Győző", "szabo.gyozo"),
    ("Dédi Szűcs Ilona", "szucs.ilona"),
    ("Öcsi", "kovacs.bence"),
    ("Húgom Tünde", "kovacs.tunde"),
    ("Anyós Ildikó", "toth.ildiko"),
    ("Após Ödön", "toth.odon"),
];

fn family() -> Family {
    let members = PEOPLE
        .iter()
        .enumerate()
        .map(|(index, &(name, username))| {
            let bytes = (0..20).map(|b| (b * 37 + index * 101 + 7) as u8).collect();
            let account = OtpAuth::new(
                Some("Ügyfélkapu+".into()),
                username.into(),
                Key::from_bytes(bytes),
            );
            let mut member = Member::new(name.into(), account, CREATED);
            member.username = Some(username.into());
            let code = format!("{}", 91_390_724 + index * 1_111);
            member.deletion_code = Some(DeletionCode::parse(&code).expect("digits"));
            member.confirmed = Some(CREATED);
            if index == 2 {
                // One person without a username or deletion code, as happens.
                member.username = None;
                member.deletion_code = None;
                member.note = "A régi telefonról mentve, 2026 novemberében.".into();
            }
            member
        })
        .collect();
    Family { members }
}

fn main() {
    let family = family();
    let start = Instant::now();
    let pdf = sheet::render(&family, CREATED).expect("the sheet renders");
    let first = start.elapsed();

    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let pdf = sheet::render(&family, CREATED).expect("the sheet renders");
            let elapsed = start.elapsed();
            assert!(pdf.starts_with(b"%PDF"));
            elapsed
        })
        .collect();
    times.sort();
    let median = times[RUNS / 2];

    println!("people:        {}", family.members.len());
    println!(
        "first render:  {:.1} ms (includes parsing the fonts)",
        ms(first)
    );
    println!("median render: {:.1} ms ({RUNS} runs)", ms(median));
    println!("PDF size:      {:.1} kB", pdf.len() as f64 / 1000.0);

    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file] = args.as_slice()
        && flag == "--save"
    {
        std::fs::write(file, &pdf).expect("the PDF can be saved");
        println!("saved:         {file}");
    }
    if let [flag, chars] = args.as_slice()
        && flag == "--note"
    {
        let chars: usize = chars.parse().expect("--note takes a number of characters");
        // Words as a person writes them, and one unbroken word, the worst
        // case for wrapping (a line cannot break inside it).
        for (kind, text) in [("in words", "Hosszú megjegyzés "), ("one word", "ő")] {
            let mut family = family.clone();
            let note: String = text.chars().cycle().take(chars).collect();
            for member in &mut family.members {
                member.note.clone_from(&note);
            }
            let start = Instant::now();
            sheet::render(&family, CREATED).expect("the sheet renders");
            println!(
                "with a {chars}-character note each, {kind}: {:.1} ms",
                ms(start.elapsed())
            );
        }
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
