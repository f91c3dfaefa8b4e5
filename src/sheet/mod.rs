//! The printable recovery sheet: an A4 PDF that brings the family's
//! Ügyfélkapu+ keys back when every phone and file is gone. Paper survives
//! what disks do not, and an elderly relative can follow it alone, so it
//! says in plain Hungarian what it is, that it is secret, where to keep it,
//! how to restore a phone and how to use a deletion code (törlőkód); then
//! each person gets a page with a large QR code of the URI exactly as the
//! site gave it, the key in groups of four, the deletion code in large type
//! and short restore steps. A key cancelled after a lost phone gets no QR
//! code and no key on its page, only a clear notice that it is no longer
//! valid and what to do now.
//!
//! Text is drawn with embedded DejaVu fonts, because the 14 standard PDF
//! fonts only know WinAnsi and print ő and ű as `?`; the fonts are subset
//! so the file stays small, and the text stays selectable. The QR code is
//! drawn as vector rectangles, sharp at any printer resolution. Everything
//! here is pure: values in, bytes out, the date passed in.

mod canvas;

use printpdf::{FontId, PdfDocument, PdfSaveOptions, date as pdf_date};
use time::OffsetDateTime;
use zeroize::Zeroizing;

// The page geometry, type sizes and faces are the canvas's vocabulary.
use self::canvas::*;
use crate::{
    family::{Family, Member},
    fl,
    i18n::Explain,
    qr::draw::{self, QUIET_ZONE, QrTooLong},
    store::{self, StoreError},
};

/// Renders the recovery sheet for `family` as PDF bytes: a cover page, then
/// one page per member. `created` is printed on every page and stored as
/// the document's creation date.
pub fn render(family: &Family, created: OffsetDateTime) -> Result<Vec<u8>, QrTooLong> {
    let (document, _) = lay_out(family, created)?;
    let options = PdfSaveOptions {
        // printpdf without `text_layout` cannot subset: the canvas has
        // already cut the fonts down to the glyphs used (`embed_subsets`).
        subset_fonts: true,
        optimize: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    Ok(document.save(&options, &mut warnings))
}

/// Why the sheet could not be written.
#[derive(Debug)]
pub enum SheetError {
    /// A person's QR code cannot be drawn.
    Qr(QrTooLong),
    /// The file could not be written.
    Store(StoreError),
}

impl Explain for SheetError {
    fn message(&self) -> String {
        match self {
            SheetError::Qr(error) => error.message(),
            SheetError::Store(error) => error.message(),
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            SheetError::Qr(error) => error.recovery(),
            SheetError::Store(error) => error.recovery(),
        }
    }
}

crate::explained!(SheetError);

/// Writes the sheet for `family` to `path`, or beside it under the next
/// free name (`NAME (2).pdf`): it holds keys in the clear, so it never
/// replaces a file and keeps no backup ([`store::write_plaintext`]).
/// Returns the file written.
pub fn write(
    family: &Family,
    path: &std::path::Path,
    created: OffsetDateTime,
) -> Result<std::path::PathBuf, SheetError> {
    let pdf = Zeroizing::new(render(family, created).map_err(SheetError::Qr)?);
    store::write_plaintext(path, &pdf).map_err(SheetError::Store)
}

/// Builds the pages; also returns the numbers (1-based) of pages where text
/// had to be cut at the bottom margin, which tests use to prove that an
/// ordinary family fits.
fn lay_out(
    family: &Family,
    created: OffsetDateTime,
) -> Result<(PdfDocument, Vec<usize>), QrTooLong> {
    let title = fl!("sheet-title");
    let mut document = PdfDocument::new(&title);
    let faces = &*FACES;
    // The fonts go in at the end, cut down to the characters the pages use.
    let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
    let info = &mut document.metadata.info;
    info.creation_date = pdf_datetime(created);
    info.modification_date = pdf_datetime(created);
    info.metadata_date = pdf_datetime(created);
    info.creator = concat!("kapukulcs ", env!("CARGO_PKG_VERSION")).to_owned();
    info.producer = info.creator.clone();

    let page_count = family.members.len() + 1;
    let created_line = fl!("sheet-created", date = date_text(created));
    let mut pages = Vec::with_capacity(page_count);
    let mut cut = Vec::new();

    let mut canvas = Canvas::new(faces, &ids);
    cover(&mut canvas, family, &title, &created_line);
    footer(&mut canvas, &created_line, 1, page_count);
    pages.push(canvas.finish(&mut cut, 1));

    for (index, member) in family.members.iter().enumerate() {
        let number = index + 2;
        let mut canvas = Canvas::new(faces, &ids);
        person(&mut canvas, member)?;
        footer(&mut canvas, &created_line, number, page_count);
        pages.push(canvas.finish(&mut cut, number));
    }
    document.with_pages(pages);
    embed_subsets(&mut document, &ids);
    Ok((document, cut))
}

/// Every page's footer: when the sheet was made, and "page N of M".
fn footer(canvas: &mut Canvas, created_line: &str, page: usize, pages: usize) {
    let number = fl!(
        "sheet-page",
        page = page.to_string(),
        pages = pages.to_string()
    );
    canvas.footer(created_line, &number);
}

/// The date as Hungarians write it (`2026. 11. 25.`), or as the chosen
/// language does.
fn date_text(date: OffsetDateTime) -> String {
    fl!(
        "sheet-date",
        year = date.year().to_string(),
        month = format!("{:02}", u8::from(date.month())),
        day = format!("{:02}", date.day())
    )
}

/// The moment for the PDF's metadata. printpdf 0.12 always writes the
/// offset as `+00'00'`, so the moment is given in UTC to stay right.
fn pdf_datetime(date: OffsetDateTime) -> pdf_date::DateTime {
    let date = date.to_offset(time::UtcOffset::UTC);
    pdf_date::DateTime {
        date: pdf_date::Date {
            year: date.year(),
            month: u8::from(date.month()),
            day: date.day(),
        },
        time: pdf_date::Time {
            hour: date.hour(),
            minute: date.minute(),
            second: date.second(),
            millisecond: 0,
        },
        offset: pdf_date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// Page 1: what the sheet is, that it is secret, who is on it, and how to
/// restore a phone or switch off Ügyfélkapu+ with a deletion code.
fn cover(canvas: &mut Canvas, family: &Family, title: &str, created_line: &str) {
    canvas.y = 18.0;
    canvas.paragraph(Face::Bold, TITLE_PT, MARGIN, TEXT_W, title, 2);
    canvas.paragraph(Face::Regular, BODY_PT, MARGIN, TEXT_W, created_line, 1);
    canvas.gap(5.0);

    // The warning sits in a heavy frame so it is the first thing seen.
    let pad = 4.0;
    let inner = TEXT_W - 2.0 * pad;
    let keep = format!("{} {}", fl!("sheet-secret-keep"), fl!("sheet-secret-dont"));
    let top = canvas.y;
    canvas.y += pad;
    canvas.paragraph(
        Face::Bold,
        HEADING_PT + 2.0,
        MARGIN + pad,
        inner,
        &fl!("sheet-secret-heading"),
        1,
    );
    canvas.paragraph(
        Face::Regular,
        BODY_PT,
        MARGIN + pad,
        inner,
        &fl!("sheet-secret-text"),
        3,
    );
    canvas.gap(1.5);
    canvas.paragraph(Face::Bold, BODY_PT, MARGIN + pad, inner, &keep, 3);
    canvas.y += pad - 1.0;
    canvas.frame(MARGIN, top, TEXT_W, canvas.y - top, 1.6);
    canvas.gap(6.0);

    canvas.heading(&fl!("sheet-what-heading"));
    canvas.paragraph(
        Face::Regular,
        BODY_PT,
        MARGIN,
        TEXT_W,
        &fl!("sheet-what-text"),
        5,
    );
    canvas.gap(5.0);

    canvas.heading(&fl!("sheet-people-heading"));
    let mut lines: Vec<String> = family
        .members
        .iter()
        .enumerate()
        .map(|(index, member)| {
            let page = (index + 2).to_string();
            if member.cancelled.is_some() {
                fl!(
                    "sheet-person-line-cancelled",
                    name = member.name.as_str(),
                    page = page
                )
            } else {
                fl!(
                    "sheet-person-line",
                    name = member.name.as_str(),
                    page = page
                )
            }
        })
        .collect();
    // At most five rows, so the instructions below always fit: up to five
    // people in one column, then two, three or four columns; past twenty
    // the last cell says how many more follow (each still has a page).
    const ROWS: usize = 5;
    const MAX_COLUMNS: usize = 4;
    if lines.len() > ROWS * MAX_COLUMNS {
        let more = lines.len() - (ROWS * MAX_COLUMNS - 1);
        lines.truncate(ROWS * MAX_COLUMNS - 1);
        lines.push(fl!("sheet-people-more", count = more.to_string()));
    }
    let columns = lines.len().div_ceil(ROWS).clamp(1, MAX_COLUMNS);
    let rows = lines.len().div_ceil(columns);
    let column_w = TEXT_W / columns as f32;
    for row in 0..rows {
        let mut cells = Vec::new();
        for column in 0..columns {
            if let Some(line) = lines.get(column * rows + row) {
                let x = MARGIN + column as f32 * column_w;
                cells.push((x, line.as_str()));
            }
        }
        canvas.row(Face::Regular, BODY_PT, column_w - 4.0, &cells);
    }
    canvas.gap(5.0);

    canvas.heading(&fl!("sheet-restore-heading"));
    let restore = [
        fl!("sheet-restore-1"),
        fl!("sheet-restore-2"),
        fl!("sheet-restore-3"),
        fl!("sheet-restore-4"),
        fl!("sheet-restore-5"),
    ];
    canvas.steps(BODY_PT, &restore);
    canvas.gap(5.0);

    canvas.heading(&fl!("sheet-deletion-heading"));
    canvas.paragraph(
        Face::Regular,
        BODY_PT,
        MARGIN,
        TEXT_W,
        &fl!("sheet-deletion-text"),
        4,
    );
    canvas.gap(1.5);
    let deletion = [
        fl!("sheet-deletion-1"),
        fl!("sheet-deletion-2"),
        fl!("sheet-deletion-3"),
        fl!("sheet-deletion-4"),
    ];
    canvas.steps(BODY_PT, &deletion);
    canvas.gap(1.5);
    canvas.paragraph(
        Face::Bold,
        BODY_PT,
        MARGIN,
        TEXT_W,
        &fl!("sheet-deletion-office"),
        3,
    );
}

/// A person's page heading: the name large, then the username (or
/// "none"); returns the "none" text for the fields that follow.
fn name_and_username(canvas: &mut Canvas, member: &Member) -> String {
    canvas.centered(Face::Bold, NAME_PT, &member.name, 2);
    canvas.gap(4.0);
    let none = fl!("sheet-none");
    let username = member
        .username
        .as_deref()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or(&none);
    canvas.field(
        &fl!("sheet-label-username"),
        Face::Regular,
        VALUE_PT,
        username,
        2,
    );
    none
}

/// One member's page: the QR code on top, then who it is, the key, the
/// deletion code, when it was last confirmed, and how to restore it.
fn person(canvas: &mut Canvas, member: &Member) -> Result<(), QrTooLong> {
    if let Some(date) = member.cancelled {
        cancelled_person(canvas, member, date);
        return Ok(());
    }
    let modules = draw::modules(&member.original_uri)
        .map_err(|too_long| too_long.named(member.name.as_str()))?;

    canvas.y = 12.0;
    canvas.grey();
    canvas.paragraph(
        Face::Regular,
        SMALL_PT,
        MARGIN,
        TEXT_W,
        &fl!("sheet-header"),
        1,
    );
    canvas.black();

    let module = QR_SIDE / modules.width as f32;
    let quiet = QUIET_ZONE as f32 * module;
    let left = (PAGE_W - QR_SIDE) / 2.0;
    let top = canvas.y + quiet;
    canvas.qr(&modules, left, top, module);
    canvas.y = top + QR_SIDE + quiet;

    let none = name_and_username(canvas, member);
    let issuer = member.account.issuer.as_deref().unwrap_or(&none);
    canvas.field(
        &fl!("sheet-label-issuer"),
        Face::Regular,
        VALUE_PT,
        issuer,
        1,
    );
    let key = member.account.key.grouped();
    canvas.field(&fl!("sheet-label-key"), Face::Mono, KEY_PT, key.expose(), 3);
    match &member.deletion_code {
        Some(code) => {
            canvas.field(
                &fl!("sheet-label-deletion"),
                Face::Bold,
                DELETION_PT,
                &code.grouped(),
                2,
            );
        }
        None => {
            canvas.field(
                &fl!("sheet-label-deletion"),
                Face::Bold,
                VALUE_PT,
                &fl!("sheet-deletion-missing"),
                1,
            );
            canvas.y -= 1.5;
            canvas.paragraph(
                Face::Regular,
                BODY_PT,
                VALUE_X,
                VALUE_W,
                &fl!("sheet-deletion-missing-hint"),
                2,
            );
            canvas.gap(FIELD_GAP);
        }
    }
    let confirmed = member
        .confirmed
        .map_or_else(|| fl!("sheet-never-confirmed"), date_text);
    canvas.field(
        &fl!("sheet-label-confirmed"),
        Face::Regular,
        VALUE_PT,
        &confirmed,
        1,
    );
    if !member.note.trim().is_empty() {
        canvas.field(
            &fl!("sheet-label-note"),
            Face::Regular,
            BODY_PT,
            &member.note,
            3,
        );
    }

    canvas.gap(2.0);
    canvas.rule();
    canvas.gap(4.0);
    canvas.heading(&fl!("sheet-steps-heading"));
    let steps = [
        fl!("sheet-step-1"),
        fl!("sheet-step-2"),
        fl!("sheet-step-3"),
        fl!("sheet-step-4", entry = member.entry_label()),
        fl!("sheet-step-5"),
    ];
    canvas.steps(STEP_PT, &steps);
    canvas.gap(2.0);
    canvas.grey();
    canvas.paragraph(
        Face::Regular,
        BODY_PT,
        MARGIN,
        TEXT_W,
        &fl!("sheet-step-manual"),
        2,
    );
    canvas.black();
    Ok(())
}

/// The page of a member whose key was cancelled (`date`): a framed notice
/// where the QR code would be, who it is, the key and deletion code marked
/// as no longer valid (neither printed), and what to do now.
fn cancelled_person(canvas: &mut Canvas, member: &Member, date: OffsetDateTime) {
    canvas.y = 12.0;
    canvas.grey();
    canvas.paragraph(
        Face::Regular,
        SMALL_PT,
        MARGIN,
        TEXT_W,
        &fl!("sheet-header"),
        1,
    );
    canvas.black();
    canvas.gap(6.0);
    let pad = 5.0;
    let top = canvas.y;
    canvas.y += pad;
    canvas.paragraph(
        Face::Bold,
        TITLE_PT,
        MARGIN + pad,
        TEXT_W - 2.0 * pad,
        &fl!("sheet-cancelled-heading", date = date_text(date)),
        2,
    );
    canvas.gap(1.5);
    canvas.paragraph(
        Face::Regular,
        BODY_PT,
        MARGIN + pad,
        TEXT_W - 2.0 * pad,
        &fl!("sheet-cancelled-text"),
        4,
    );
    canvas.y += pad - 1.0;
    canvas.frame(MARGIN, top, TEXT_W, canvas.y - top, 1.6);
    canvas.gap(8.0);

    name_and_username(canvas, member);
    canvas.field(
        &fl!("sheet-label-key"),
        Face::Bold,
        VALUE_PT,
        &fl!("sheet-cancelled-key"),
        2,
    );
    let deletion = match &member.deletion_code {
        Some(_) => fl!("sheet-cancelled-deletion", date = date_text(date)),
        None => fl!("sheet-deletion-missing"),
    };
    canvas.field(
        &fl!("sheet-label-deletion"),
        Face::Regular,
        VALUE_PT,
        &deletion,
        1,
    );
    canvas.gap(2.0);
    canvas.rule();
    canvas.gap(4.0);
    canvas.heading(&fl!("sheet-cancelled-steps-heading"));
    let steps = [fl!("sheet-cancelled-step-1"), fl!("sheet-cancelled-step-2")];
    canvas.steps(STEP_PT, &steps);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        family::DeletionCode,
        formats::otpauth::{Key, OtpAuth},
        secret::SecretString,
    };
    use printpdf::{FontId, Op, PdfFontHandle, Rect, TextItem};
    use time::macros::datetime;

    const CREATED: OffsetDateTime = datetime!(2026-11-25 14:30 +1);

    /// Names and usernames as a Hungarian family writes them.
    const PEOPLE: &[(&str, &str)] = &[
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

    fn member(index: usize) -> Member {
        let (name, username) = PEOPLE[index % PEOPLE.len()];
        // 12 bytes give the 20-character keys Ügyfélkapu+ shows; every
        // other member has a 160-bit key, as other sites give.
        let length = if index.is_multiple_of(2) { 12 } else { 20 };
        let bytes = (0..length)
            .map(|b| (b * 37 + index * 101 + 7) as u8)
            .collect();
        let account = OtpAuth::new(
            Some("Ügyfélkapu+".into()),
            username.into(),
            Key::from_bytes(bytes),
        );
        let mut member = Member::new(name.into(), account, CREATED);
        member.username = Some(username.into());
        member.deletion_code =
            Some(DeletionCode::parse(&format!("{}", 91_390_724 + index * 1_111)).unwrap());
        member.confirmed = Some(datetime!(2026-11-20 9:15 +1));
        member
    }

    fn family(count: usize) -> Family {
        Family {
            members: (0..count).map(member).collect(),
        }
    }

    fn page_count(pdf: &[u8]) -> usize {
        let document = PdfDocument::parse(pdf, &Default::default(), &mut Vec::new())
            .expect("printpdf reads its own output");
        document.pages.len()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window == needle)
    }

    #[test]
    fn embedded_fonts_parse() {
        // The renderer trusts this with an `expect`.
        for face in FACES.iter() {
            assert!(face.lookup_glyph_index(u32::from('ő')).is_some());
            assert!(face.lookup_glyph_index(u32::from('ű')).is_some());
            assert!(face.lookup_glyph_index(u32::from(ELLIPSIS)).is_some());
        }
    }

    #[test]
    fn a_pdf_with_a_cover_and_one_page_per_person() {
        for count in [0, 1, 3] {
            let pdf = render(&family(count), CREATED).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{count} people");
            assert_eq!(page_count(&pdf), 1 + count, "{count} people");
        }
    }

    #[test]
    fn fonts_are_embedded_as_subsets_and_ten_people_stay_small() {
        let pdf = render(&family(10), CREATED).unwrap();
        assert_eq!(page_count(&pdf), 11);
        // Three TrueType programs are embedded...
        assert!(contains(&pdf, b"FontFile2"));
        // The six-letter tag in each font name marks a subset (ISO 32000-1, 9.6.4).
        for name in [
            &b"+DejaVuSans/"[..],
            b"+DejaVuSans-Bold",
            b"+DejaVuSansMono",
        ] {
            assert!(contains(&pdf, name), "{}", String::from_utf8_lossy(name));
        }
        // ...but only the glyphs used: the whole fonts alone are 1.8 MB.
        let whole: usize = [REGULAR_TTF, BOLD_TTF, MONO_TTF]
            .iter()
            .map(|f| f.len())
            .sum();
        assert!(whole > 1_500_000);
        assert!(pdf.len() < 300_000, "{} bytes for 10 people", pdf.len());
    }

    #[test]
    fn title_and_creation_date_are_in_the_metadata() {
        let pdf = render(&family(1), CREATED).unwrap();
        let document = PdfDocument::parse(&pdf, &Default::default(), &mut Vec::new()).unwrap();
        let info = &document.metadata.info;
        assert_eq!(info.document_title, fl!("sheet-title"));
        assert_eq!(info.creation_date.year(), 2026);
        assert_eq!(u8::from(info.creation_date.month()), 11);
        assert_eq!(info.creation_date.day(), 25);
        // 14:30 in Budapest is 13:30 UTC, which is what printpdf can write.
        assert_eq!(info.creation_date.hour(), 13);
    }

    #[test]
    fn the_text_holds_names_keys_and_deletion_codes() {
        let family = family(3);
        let (document, cut) = lay_out(&family, CREATED).unwrap();
        assert!(cut.is_empty(), "pages {cut:?} were cut");
        let pages = document.extract_text();
        let cover = pages[0].join(" ");
        assert!(cover.contains(&fl!("sheet-title")), "{cover}");
        for (index, member) in family.members.iter().enumerate() {
            assert!(cover.contains(&member.name), "{cover}");
            let page = pages[index + 1].join(" ");
            assert!(page.contains(&member.name), "{page}");
            assert!(
                page.contains(member.account.key.grouped().expose()),
                "{page}"
            );
            let code = member.deletion_code.as_ref().unwrap().grouped();
            assert!(page.contains(&code), "{page}");
            assert!(page.contains(&date_text(CREATED)), "{page}");
        }
    }

    #[test]
    fn a_cancelled_key_is_marked_and_neither_its_key_nor_its_qr_code_is_printed() {
        let mut family = family(3);
        family.members[1].cancelled = Some(datetime!(2026-12-01 10:00 UTC));
        let (document, cut) = lay_out(&family, CREATED).unwrap();
        assert!(cut.is_empty(), "pages {cut:?} were cut");
        let pages = document.extract_text();
        let cover = pages[0].join(" ");
        assert!(
            cover.contains(&fl!(
                "sheet-person-line-cancelled",
                name = "Mama",
                page = "3"
            )),
            "{cover}"
        );
        let page = pages[2].join(" ");
        let mama = &family.members[1];
        assert!(
            page.contains(&fl!("sheet-cancelled-heading", date = "2026. 12. 01.")),
            "{page}"
        );
        assert!(page.contains(&fl!("sheet-cancelled-key")), "{page}");
        assert!(
            !page.contains(mama.account.key.grouped().expose()),
            "{page}"
        );
        let code = mama.deletion_code.as_ref().unwrap().grouped();
        assert!(!page.contains(&code), "{page}");
        // No QR code on the page: no filled rectangle (the notice's frame
        // is only stroked).
        let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
        let mut canvas = Canvas::new(&FACES, &ids);
        person(&mut canvas, mama).unwrap();
        assert!(
            !canvas.ops.iter().any(|op| matches!(
                op,
                Op::DrawRectangle { rectangle } if rectangle.mode == Some(printpdf::PaintMode::Fill)
            )),
            "a QR code was drawn for a cancelled key"
        );
        assert_inside_margins(&canvas);
        // The others are printed as before.
        let papa = pages[3].join(" ");
        assert!(papa.contains(family.members[2].account.key.grouped().expose()));
    }

    #[test]
    fn hungarian_dates() {
        assert_eq!(date_text(CREATED), "2026. 11. 25.");
        assert_eq!(date_text(datetime!(2027-01-05 0:00 UTC)), "2027. 01. 05.");
    }

    #[test]
    fn missing_username_deletion_code_and_confirmation_still_render() {
        let mut family = family(2);
        let member = &mut family.members[1];
        member.username = None;
        member.deletion_code = None;
        member.confirmed = None;
        member.account.issuer = None;
        let (document, cut) = lay_out(&family, CREATED).unwrap();
        assert!(cut.is_empty(), "pages {cut:?} were cut");
        let page = document.extract_text()[2].join(" ");
        assert!(page.contains(&fl!("sheet-deletion-missing")), "{page}");
        assert!(page.contains(&fl!("sheet-never-confirmed")), "{page}");
        assert!(page.contains(&fl!("sheet-none")), "{page}");
        assert!(render(&family, CREATED).unwrap().starts_with(b"%PDF"));
    }

    #[test]
    fn ten_ordinary_people_fit_without_cutting() {
        let mut family = family(10);
        family.members[3].note = "A kulcsot 2026 novemberében mentettük, a régi telefonról.".into();
        // The fullest page a family is likely to have: a two-line name, a
        // long username, a 160-bit key, no deletion code and a long note.
        let fullest = &mut family.members[5];
        fullest.name = "Dédnagymama Kovácsné Szabó Erzsébet Mária".into();
        fullest.username = Some("kovacsne.szabo.erzsebet.maria".into());
        fullest.deletion_code = None;
        fullest.note = "A telefon a nappaliban van, a PIN-kódot a nagymama tudja. \
            Ha nem működik, hívd fel Tündét, ő segít beállítani az új telefont."
            .into();
        let (_, cut) = lay_out(&family, CREATED).unwrap();
        assert!(cut.is_empty(), "pages {cut:?} were cut");
    }

    /// Checks that every line drawn on `canvas` lies inside the margins:
    /// each `ShowText` is measured in the face and size set before it.
    fn assert_inside_margins(canvas: &Canvas) {
        let (mut face, mut size, mut x, mut y) = (Face::Regular, 0.0, 0.0, 0.0);
        for op in &canvas.ops {
            match op {
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: pt,
                } => {
                    let index = canvas.ids.iter().position(|known| known == id).unwrap();
                    face = [Face::Regular, Face::Bold, Face::Mono][index];
                    size = pt.0;
                }
                Op::SetTextCursor { pos } => (x, y) = (pt_to_mm(pos.x.0), pt_to_mm(pos.y.0)),
                Op::ShowText { items } => {
                    for item in items {
                        if let TextItem::Text(text) = item {
                            let right = x + canvas.width(face, size, text);
                            assert!(x >= MARGIN - 0.01, "{text:?} starts at {x} mm");
                            assert!(
                                right <= PAGE_W - MARGIN + 0.01,
                                "{text:?} ends at {right} mm"
                            );
                            let baseline = PAGE_H - y;
                            assert!(
                                baseline <= FOOTER_BASELINE + 0.01,
                                "{text:?} at {baseline} mm"
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn absurdly_long_names_and_notes_are_cut_not_overflowing() {
        let mut member = member(1);
        member.name = "Nagymama Erzsébet ".repeat(20);
        member.username = Some("x".repeat(300));
        member.note = "Ez egy nagyon hosszú megjegyzés. ".repeat(80) + "🙂\u{7}";
        member.deletion_code = Some(DeletionCode::parse(&"9".repeat(200)).unwrap());
        let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
        let mut canvas = Canvas::new(&FACES, &ids);
        person(&mut canvas, &member).unwrap();
        footer(&mut canvas, "x", 2, 2);
        assert_inside_margins(&canvas);

        let mut family = Family {
            members: vec![member],
        };
        for index in 0..30 {
            let mut extra = self::member(index);
            extra.name = format!("{} {index} {}", extra.name, "Kovácsné Szűcs ".repeat(10));
            family.members.push(extra);
        }
        let mut canvas = Canvas::new(&FACES, &ids);
        cover(&mut canvas, &family, &fl!("sheet-title"), "x");
        // 19 names and "… és még 12 fő": the instructions still fit.
        assert!(!canvas.cut, "the cover of 31 people was cut");
        assert_inside_margins(&canvas);
        for people in [12, 20] {
            let mut canvas = Canvas::new(&FACES, &ids);
            let family = Family {
                members: family.members[..people].to_vec(),
            };
            cover(&mut canvas, &family, &fl!("sheet-title"), "x");
            assert!(!canvas.cut, "the cover of {people} people was cut");
        }
        assert_eq!(page_count(&render(&family, CREATED).unwrap()), 32);
    }

    #[test]
    fn ordinary_pages_lie_inside_the_margins() {
        let family = family(10);
        let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
        let mut canvas = Canvas::new(&FACES, &ids);
        cover(
            &mut canvas,
            &family,
            &fl!("sheet-title"),
            &date_text(CREATED),
        );
        footer(&mut canvas, &date_text(CREATED), 1, 11);
        assert_inside_margins(&canvas);
        for member in &family.members {
            let mut canvas = Canvas::new(&FACES, &ids);
            person(&mut canvas, member).unwrap();
            assert_inside_margins(&canvas);
        }
    }

    #[test]
    fn wrapping_keeps_every_line_inside_the_width() {
        let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
        let canvas = Canvas::new(&FACES, &ids);
        let text =
            "Aki ezt a lapot megszerzi, be tud lépni. Hosszúszóóóóóóóóóóóóóóóóóóóóóóóóóóóóóóóóó";
        let lines = canvas.wrap(Face::Regular, 12.0, 40.0, text, 20);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(canvas.width(Face::Regular, 12.0, line) <= 40.0, "{line}");
        }
        // Nothing is lost when everything fits.
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));

        let cut = canvas.wrap(Face::Regular, 12.0, 40.0, text, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with(ELLIPSIS), "{cut:?}");
        assert!(canvas.width(Face::Regular, 12.0, &cut[1]) <= 40.0);

        // A character no font has becomes visible, a control character a space.
        assert_eq!(canvas.printable(Face::Regular, "a\u{7}b漢"), "a b?");
    }

    #[test]
    fn wrapping_reads_only_what_it_shows() {
        let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
        let canvas = Canvas::new(&FACES, &ids);
        // A hand-made bundle's megabyte note, in words and as one word.
        for note in [
            "Ez egy nagyon hosszú megjegyzés. ".repeat(32 * 1024),
            "ő".repeat(512 * 1024),
        ] {
            canvas.measured.set(0);
            let lines = canvas.wrap(Face::Regular, BODY_PT, VALUE_W, &note, 3);
            assert_eq!(lines.len(), 3);
            assert!(lines[2].ends_with(ELLIPSIS), "{lines:?}");
            // Three lines of about 100 characters, each measured a couple
            // of times: nowhere near the million given.
            let measured = canvas.measured.get();
            assert!(measured < 2_000, "{measured} characters measured");
        }
    }

    #[test]
    fn a_uri_too_long_for_a_qr_code_is_an_error() {
        let mut family = family(2);
        family.members[1].original_uri = SecretString::new("x".repeat(5000));
        assert_eq!(
            render(&family, CREATED).err(),
            Some(QrTooLong {
                name: family.members[1].name.clone()
            })
        );
    }

    #[test]
    fn the_qr_code_is_at_least_50_mm_and_runs_are_merged() {
        let member = member(1);
        let modules = draw::modules(&member.original_uri).unwrap();
        let ids: [FontId; 3] = std::array::from_fn(|_| FontId::new());
        let mut canvas = Canvas::new(&FACES, &ids);
        canvas.qr(&modules, 75.0, 30.0, QR_SIDE / modules.width as f32);
        let rects: Vec<&Rect> = canvas
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::DrawRectangle { rectangle } => Some(rectangle),
                _ => None,
            })
            .collect();
        let dark = modules.dark.iter().filter(|d| **d).count();
        assert!(
            rects.len() * 2 < dark,
            "{} rectangles for {dark} modules",
            rects.len()
        );
        let left = rects.iter().map(|r| r.x.0).fold(f32::MAX, f32::min);
        let right = rects
            .iter()
            .map(|r| r.x.0 + r.width.0)
            .fold(f32::MIN, f32::max);
        assert!(pt_to_mm(right - left) >= 50.0);
        // The dark area equals the dark modules: nothing lost in merging.
        let module_pt = mm_to_pt(QR_SIDE / modules.width as f32);
        let area: f32 = rects.iter().map(|r| r.width.0).sum::<f32>() / module_pt;
        assert!(
            (area - dark as f32).abs() < 0.01 * dark as f32,
            "{area} vs {dark}"
        );
    }
}
