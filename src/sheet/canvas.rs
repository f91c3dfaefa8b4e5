//! The sheet's drawing surface: A4 page geometry, type sizes, the embedded
//! DejaVu fonts and `Canvas`, which sets text, rules, frames and QR codes
//! top to bottom on one page. What the pages say lives in `mod.rs`; this
//! file only knows how to put it on paper.
//!
//! printpdf is used without its `text_layout` feature (azul's layout
//! engine, a third of the program's library code): its plain font parser
//! gives the glyph ids and advances the layout here needs, and
//! [`embed_subsets`] cuts each face down to the characters on the pages
//! with allsorts (which printpdf uses anyway) before the document keeps it.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use allsorts::{
    binary::read::ReadScope,
    font_data::FontData,
    subset::{CmapTarget, SubsetProfile, subset},
};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, Point, Pt, Rect, TextItem,
};
use sha2::{Digest, Sha256};

use crate::qr::draw;

/// DejaVu Sans: the body text (see `src/sheet/fonts/LICENSE-DejaVu.txt`).
pub(super) const REGULAR_TTF: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold: titles, names and deletion codes.
pub(super) const BOLD_TTF: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Mono: keys, so every character has its own clear column.
pub(super) const MONO_TTF: &[u8] = include_bytes!("fonts/DejaVuSansMono.ttf");

/// A4 in millimetres.
pub(super) const PAGE_W: f32 = 210.0;
pub(super) const PAGE_H: f32 = 297.0;
/// Left and right margin; most home printers cannot print the outer 5 mm.
pub(super) const MARGIN: f32 = 20.0;
pub(super) const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Body text never goes below this line, which keeps the footer free.
pub(super) const BOTTOM: f32 = PAGE_H - 20.0;
/// Where the footer's baseline sits.
pub(super) const FOOTER_BASELINE: f32 = PAGE_H - 12.0;
/// Side of the QR code without its quiet zone: modules of about 2 mm, which
/// a phone camera reads easily from paper; the issue asks for at least 50 mm.
pub(super) const QR_SIDE: f32 = 62.0;

/// Type sizes in points, chosen for readers with weak eyes.
pub(super) const TITLE_PT: f32 = 24.0;
pub(super) const HEADING_PT: f32 = 15.0;
pub(super) const BODY_PT: f32 = 12.5;
pub(super) const SMALL_PT: f32 = 10.0;
pub(super) const NAME_PT: f32 = 24.0;
pub(super) const VALUE_PT: f32 = 15.0;
pub(super) const KEY_PT: f32 = 14.0;
pub(super) const DELETION_PT: f32 = 26.0;
/// The restore steps under a QR code: there is room, so they are larger.
pub(super) const STEP_PT: f32 = 13.5;
pub(super) const LABEL_PT: f32 = 12.0;

/// Grey for labels, header and footer: readable, yet clearly secondary.
pub(super) const GREY: f32 = 0.35;

/// Marks text cut short because it would not fit (a very long name or
/// note); it is punctuation, not a word, so it needs no translation.
pub(super) const ELLIPSIS: char = '…';
/// Stands in for a character the fonts cannot draw, so the page shows that
/// something was there instead of an invisible gap.
pub(super) const REPLACEMENT: char = '?';

/// The three parsed faces, shared by every render: the result never
/// changes, so 1.8 MB of fonts is parsed once per process.
pub(super) static FACES: LazyLock<[ParsedFont; 3]> = LazyLock::new(|| {
    [REGULAR_TTF, BOLD_TTF, MONO_TTF].map(|bytes| {
        ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .expect("the embedded DejaVu fonts parse; a unit test checks it")
    })
});

/// Which face a piece of text is set in.
#[derive(Clone, Copy)]
pub(super) enum Face {
    Regular = 0,
    Bold = 1,
    Mono = 2,
}

/// The faces' PostScript names, as the embedded fonts are called in the PDF.
const FACE_NAMES: [&str; 3] = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"];

/// Puts into `document`, under `ids` (the ids the pages' text was set
/// with), each face cut down to the characters its text uses: a page of
/// the sheet needs about a hundred of DejaVu's 6,000 glyphs, so ten
/// people's sheet stays near 100 kB instead of carrying 1.8 MB of fonts.
/// The subset keeps a Unicode `cmap`, so printpdf maps characters to the
/// subset's own glyph ids, widths and `/ToUnicode` (text stays selectable).
pub(super) fn embed_subsets(document: &mut PdfDocument, ids: &[FontId; 3]) {
    let mut used: [BTreeSet<char>; 3] = Default::default();
    for page in &document.pages {
        let mut face = None;
        for op in &page.ops {
            match op {
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    ..
                } => face = ids.iter().position(|known| known == id),
                Op::ShowText { items } => {
                    if let Some(face) = face {
                        for item in items {
                            if let TextItem::Text(text) = item {
                                used[face].extend(text.chars());
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for (index, chars) in used.iter().enumerate() {
        if chars.is_empty() {
            continue;
        }
        // Should allsorts ever fail on some glyphs, the whole face still
        // prints every character (a larger file, never a lost sheet).
        let font = subset_face(index, chars).unwrap_or_else(|| {
            let mut whole = FACES[index].clone();
            whole.font_name = Some(FACE_NAMES[index].to_owned());
            whole
        });
        document
            .resources
            .fonts
            .map
            .insert(ids[index].clone(), PdfFont::new(font));
    }
}

/// The face `index` with only the glyphs of `chars` (and `.notdef`, which
/// must stay glyph 0), renumbered and parsed again, named with a subset tag.
fn subset_face(index: usize, chars: &BTreeSet<char>) -> Option<ParsedFont> {
    let whole = &FACES[index];
    let mut glyphs: Vec<u16> = chars
        .iter()
        .filter_map(|&ch| whole.lookup_glyph_index(u32::from(ch)))
        .filter(|&glyph| glyph != 0)
        .collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    glyphs.insert(0, 0);
    let bytes = [REGULAR_TTF, BOLD_TTF, MONO_TTF][index];
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let cut = subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    let mut font = ParsedFont::from_bytes(&cut, 0, &mut Vec::new())?;
    font.font_name = Some(format!("{}+{}", subset_tag(&glyphs), FACE_NAMES[index]));
    Some(font)
}

/// Six capital letters naming a subset (ISO 32000-1, 9.6.4), taken from
/// the glyphs it holds: two different subsets of a face get different
/// names, as the standard asks, and the same glyphs the same name.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut hash = Sha256::new();
    for glyph in glyphs {
        hash.update(glyph.to_be_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|byte| char::from(b'A' + byte % 26))
        .collect()
}

/// Where the values of a person's fields start, right of their labels.
pub(super) const VALUE_X: f32 = MARGIN + 52.0;
pub(super) const VALUE_W: f32 = PAGE_W - MARGIN - VALUE_X;
/// Space between two fields.
pub(super) const FIELD_GAP: f32 = 3.0;

pub(super) fn mm_to_pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

pub(super) fn pt_to_mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

/// One page being drawn, top to bottom: `y` is the top of the next line in
/// millimetres from the top edge (PDF counts from the bottom in points).
pub(super) struct Canvas<'a> {
    faces: &'a [ParsedFont; 3],
    pub(super) ids: &'a [FontId; 3],
    pub(super) ops: Vec<Op>,
    pub(super) y: f32,
    /// Set when a line was left out because it would cross [`BOTTOM`].
    pub(super) cut: bool,
    /// How many characters were measured: the layout's work, which a test
    /// holds to the length of what is shown, not of what was given.
    pub(super) measured: std::cell::Cell<usize>,
}

impl<'a> Canvas<'a> {
    pub(super) fn new(faces: &'a [ParsedFont; 3], ids: &'a [FontId; 3]) -> Canvas<'a> {
        Canvas {
            faces,
            ids,
            ops: Vec::new(),
            y: MARGIN,
            cut: false,
            measured: std::cell::Cell::new(0),
        }
    }

    pub(super) fn finish(self, cut: &mut Vec<usize>, number: usize) -> PdfPage {
        if self.cut {
            cut.push(number);
        }
        PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), self.ops)
    }

    pub(super) fn fill(&mut self, percent: f32) {
        self.ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(percent, None)),
        });
    }

    pub(super) fn grey(&mut self) {
        self.fill(GREY);
    }

    pub(super) fn black(&mut self) {
        self.fill(0.0);
    }

    /// Width of `text` in millimetres.
    pub(super) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let advance: f32 = text.chars().map(|ch| self.advance(face, ch)).sum();
        self.to_mm(face, size, advance)
    }

    /// A character's advance in the face's own units (a whole number, so
    /// sums of them are exact and [`Canvas::wrap`] can add up a line as it
    /// goes, measuring each character once).
    fn advance(&self, face: Face, ch: char) -> f32 {
        self.measured.set(self.measured.get() + 1);
        let font = &self.faces[face as usize];
        font.lookup_glyph_index(u32::from(ch))
            .and_then(|glyph| font.get_glyph_width(glyph))
            .map_or(0.0, f32::from)
    }

    /// Font units of `face` at `size` points, in millimetres.
    fn to_mm(&self, face: Face, size: f32, advance: f32) -> f32 {
        let units = f32::from(self.faces[face as usize].units_per_em.max(1));
        pt_to_mm(advance / units * size)
    }

    /// `text` with every character the face cannot draw (and every control
    /// character) replaced, so nothing silently vanishes from the page.
    pub(super) fn printable(&self, face: Face, text: &str) -> String {
        let font = &self.faces[face as usize];
        text.chars()
            .map(|ch| {
                if ch.is_control() {
                    ' '
                } else if font
                    .lookup_glyph_index(u32::from(ch))
                    .is_some_and(|g| g != 0)
                {
                    ch
                } else {
                    REPLACEMENT
                }
            })
            .collect()
    }

    /// Splits `text` into lines no wider than `width`, breaking between
    /// words, and inside a word only when it is wider than a whole line.
    /// More than `max_lines` lines are cut, the last ending in an ellipsis.
    ///
    /// Linear in the text it reads: each character is measured once, the
    /// line's width is kept as a running sum, and the text after the line
    /// that shows the cut is never looked at (a hand-made bundle's
    /// megabyte note once took half a minute here).
    pub(super) fn wrap(
        &self,
        face: Face,
        size: f32,
        width: f32,
        text: &str,
        max_lines: usize,
    ) -> Vec<String> {
        let max_lines = max_lines.max(1);
        let text = self.printable(face, text);
        let fits = |advance: f32| self.to_mm(face, size, advance) <= width;
        let space = self.advance(face, ' ');
        let mut lines = Vec::new();
        let mut current = String::new();
        let mut current_advance = 0.0;
        let mut more = false;
        // The word's advance when it fits after `start`; measuring stops
        // at the first character that does not fit.
        let after = |start: f32, word: &str| -> Option<f32> {
            let mut sum = start;
            for ch in word.chars() {
                sum += self.advance(face, ch);
                if !fits(sum) {
                    return None;
                }
            }
            Some(sum)
        };
        'words: for word in text.split_whitespace() {
            if current.is_empty() {
                if let Some(advance) = after(0.0, word) {
                    current.push_str(word);
                    current_advance = advance;
                    continue;
                }
            } else if let Some(advance) = after(current_advance + space, word) {
                current.push(' ');
                current.push_str(word);
                current_advance = advance;
                continue;
            } else {
                lines.push(std::mem::take(&mut current));
                current_advance = 0.0;
                if lines.len() > max_lines {
                    more = true;
                    break;
                }
                if let Some(advance) = after(0.0, word) {
                    current.push_str(word);
                    current_advance = advance;
                    continue;
                }
            }
            // A word wider than a line: split between characters.
            for ch in word.chars() {
                let advance = self.advance(face, ch);
                if !current.is_empty() && !fits(current_advance + advance) {
                    lines.push(std::mem::take(&mut current));
                    current_advance = 0.0;
                    if lines.len() > max_lines {
                        more = true;
                        break 'words;
                    }
                }
                current.push(ch);
                current_advance += advance;
            }
        }
        if !more && !current.is_empty() {
            lines.push(current);
        }
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            if let Some(last) = lines.last_mut() {
                loop {
                    let trimmed = last.trim_end().to_owned();
                    let shown = format!("{trimmed}{ELLIPSIS}");
                    if self.width(face, size, &shown) <= width || trimmed.is_empty() {
                        *last = shown;
                        break;
                    }
                    last.truncate(trimmed.len());
                    last.pop();
                }
            }
        }
        lines
    }

    /// Height of one line of `size`-point text, in millimetres.
    pub(super) fn line_height(size: f32) -> f32 {
        pt_to_mm(size) * 1.32
    }

    /// Reserves a line of `size` at `y`; returns its baseline, or `None`
    /// (and remembers the cut) when it would cross the bottom margin.
    pub(super) fn next_line(&mut self, size: f32) -> Option<f32> {
        let height = Self::line_height(size);
        if self.y + height > BOTTOM {
            self.cut = true;
            return None;
        }
        // DejaVu's ascender is 0.93 em; the rest of the line is below.
        let baseline = self.y + pt_to_mm(size) * 0.98;
        self.y += height;
        Some(baseline)
    }

    /// Draws one line of already wrapped text with its baseline at `baseline`.
    pub(super) fn text_at(&mut self, face: Face, size: f32, x: f32, baseline: f32, text: &str) {
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(self.ids[face as usize].clone()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(mm_to_pt(x)),
                    y: Pt(mm_to_pt(PAGE_H - baseline)),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    pub(super) fn paragraph(
        &mut self,
        face: Face,
        size: f32,
        x: f32,
        width: f32,
        text: &str,
        max_lines: usize,
    ) {
        for line in self.wrap(face, size, width, text, max_lines) {
            if let Some(baseline) = self.next_line(size) {
                self.text_at(face, size, x, baseline, &line);
            }
        }
    }

    pub(super) fn centered(&mut self, face: Face, size: f32, text: &str, max_lines: usize) {
        for line in self.wrap(face, size, TEXT_W, text, max_lines) {
            if let Some(baseline) = self.next_line(size) {
                let x = (PAGE_W - self.width(face, size, &line)) / 2.0;
                self.text_at(face, size, x, baseline, &line);
            }
        }
    }

    /// Several single-line cells side by side (the list of people).
    pub(super) fn row(&mut self, face: Face, size: f32, width: f32, cells: &[(f32, &str)]) {
        let lines: Vec<(f32, String)> = cells
            .iter()
            .filter_map(|&(x, text)| {
                self.wrap(face, size, width, text, 1)
                    .into_iter()
                    .next()
                    .map(|line| (x, line))
            })
            .collect();
        if let Some(baseline) = self.next_line(size) {
            for (x, line) in lines {
                self.text_at(face, size, x, baseline, &line);
            }
        }
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.paragraph(Face::Bold, HEADING_PT, MARGIN, TEXT_W, text, 2);
        self.gap(1.0);
    }

    pub(super) fn gap(&mut self, mm: f32) {
        self.y += mm;
    }

    /// Numbered steps with a hanging indent, so the numbers stand out.
    pub(super) fn steps(&mut self, size: f32, steps: &[String]) {
        let indent = 8.0;
        for (index, step) in steps.iter().enumerate() {
            let lines = self.wrap(Face::Regular, size, TEXT_W - indent, step, 3);
            for (line_index, line) in lines.iter().enumerate() {
                let Some(baseline) = self.next_line(size) else {
                    continue;
                };
                if line_index == 0 {
                    self.text_at(
                        Face::Bold,
                        size,
                        MARGIN,
                        baseline,
                        &format!("{}.", index + 1),
                    );
                }
                self.text_at(Face::Regular, size, MARGIN + indent, baseline, line);
            }
            self.gap(1.0);
        }
    }

    /// A label in grey on the left and its value on the right, their first
    /// baselines level.
    pub(super) fn field(
        &mut self,
        label: &str,
        face: Face,
        size: f32,
        value: &str,
        max_lines: usize,
    ) {
        let lines = self.wrap(face, size, VALUE_W, value, max_lines);
        let label = self.wrap(Face::Regular, LABEL_PT, VALUE_X - MARGIN - 3.0, label, 1);
        for (index, line) in lines.iter().enumerate() {
            let Some(baseline) = self.next_line(size) else {
                continue;
            };
            if index == 0
                && let Some(label) = label.first()
            {
                self.grey();
                self.text_at(Face::Regular, LABEL_PT, MARGIN, baseline, label);
                self.black();
            }
            self.text_at(face, size, VALUE_X, baseline, line);
        }
        self.gap(FIELD_GAP);
    }

    /// A thin grey line across the text width.
    pub(super) fn rule(&mut self) {
        let y = Pt(mm_to_pt(PAGE_H - self.y));
        let point = |x: f32| LinePoint {
            p: Point {
                x: Pt(mm_to_pt(x)),
                y,
            },
            bezier: false,
        };
        self.ops.extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(0.6, None)),
            },
            Op::SetOutlineThickness { pt: Pt(0.6) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(MARGIN), point(PAGE_W - MARGIN)],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A black frame; `top` and `height` in millimetres from the top edge.
    pub(super) fn frame(&mut self, x: f32, top: f32, width: f32, height: f32, thickness: f32) {
        self.ops.extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(0.0, None)),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Stroke),
                    ..Rect::from_xywh(
                        Pt(mm_to_pt(x)),
                        Pt(mm_to_pt(PAGE_H - top - height)),
                        Pt(mm_to_pt(width)),
                        Pt(mm_to_pt(height)),
                    )
                },
            },
        ]);
    }

    /// The QR code as filled rectangles, one per run of dark modules in a
    /// row: a tenth of the operators one square per module would need. The
    /// quiet zone is left as the white paper around it.
    pub(super) fn qr(&mut self, modules: &draw::Modules, left: f32, top: f32, module: f32) {
        self.black();
        // Rows overlap by a hair so that no renderer shows a seam between them.
        let overlap = module * 0.02;
        for row in 0..modules.width {
            let mut column = 0;
            while column < modules.width {
                if !modules.is_dark(column, row) {
                    column += 1;
                    continue;
                }
                let start = column;
                while column < modules.width && modules.is_dark(column, row) {
                    column += 1;
                }
                let bottom = top + (row + 1) as f32 * module;
                self.ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Fill),
                        ..Rect::from_xywh(
                            Pt(mm_to_pt(left + start as f32 * module)),
                            Pt(mm_to_pt(PAGE_H - bottom - overlap)),
                            Pt(mm_to_pt((column - start) as f32 * module)),
                            Pt(mm_to_pt(module + overlap)),
                        )
                    },
                });
            }
        }
    }

    /// The creation date on the left and the page number on the right, so
    /// a loose page still says how old it is and where it belongs.
    /// The footer: `left` (when the sheet was made) and `right` (the page
    /// number), small and grey.
    pub(super) fn footer(&mut self, left: &str, right: &str) {
        self.grey();
        self.text_at(Face::Regular, SMALL_PT, MARGIN, FOOTER_BASELINE, left);
        let x = PAGE_W - MARGIN - self.width(Face::Regular, SMALL_PT, right);
        self.text_at(Face::Regular, SMALL_PT, x, FOOTER_BASELINE, right);
        self.black();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_of_each_face_survives_subsetting() {
        // Whatever a person types (any script DejaVu draws), its glyph
        // comes through the cut with the same advance, so the measured
        // layout is the printed one, and no sheet falls back to a whole face.
        for (index, whole) in FACES.iter().enumerate() {
            let chars: BTreeSet<char> = (0..=0x10FFFF)
                .filter_map(char::from_u32)
                .filter(|&ch| {
                    whole
                        .lookup_glyph_index(u32::from(ch))
                        .is_some_and(|g| g != 0)
                })
                .collect();
            assert!(
                chars.len() > 2000,
                "face {index}: {} characters",
                chars.len()
            );
            let cut = subset_face(index, &chars).expect("the whole face subsets");
            for &ch in &chars {
                let advance = |font: &ParsedFont| {
                    font.lookup_glyph_index(u32::from(ch))
                        .and_then(|glyph| font.get_glyph_width(glyph))
                };
                assert!(advance(&cut).is_some(), "face {index}: {ch:?} lost");
                assert_eq!(advance(&cut), advance(whole), "face {index}: {ch:?}");
            }
            assert_eq!(cut.units_per_em, whole.units_per_em);
        }
    }

    #[test]
    fn a_subset_holds_only_the_glyphs_asked_for() {
        let chars: BTreeSet<char> = "Győző Szűcs".chars().collect();
        let cut = subset_face(Face::Bold as usize, &chars).unwrap();
        // .notdef, the nine distinct letters and the space (a composite
        // glyph may add its parts).
        assert!(
            cut.glyph_widths.len() <= 16,
            "{} glyphs",
            cut.glyph_widths.len()
        );
        assert!(cut.lookup_glyph_index(u32::from('ő')).is_some());
        assert!(cut.lookup_glyph_index(u32::from('a')).is_none());
        let name = cut.font_name.unwrap();
        let (tag, face) = name.split_once('+').unwrap();
        assert_eq!(face, "DejaVuSans-Bold");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{tag}"
        );
    }
}
