# kapukulcs – magyar üzenetek (ez a teljes, tartalék nyelv).
# Az azonosítók a szerepüket mondják: help-, info-, prompt-, warn-, err-, rec-.

## Parancssor

help-about = Ügyfélkapu+ kulcsok mentése és visszaállítása az egész családnak.
help-long =
    A kapukulcs végigvezet a család Ügyfélkapu+ regisztrációján, elmenti a
    QR-kódokat és a törlőkódokat egy titkosított fájlba, és telefoncsere után
    újra megmutatja őket.
help-usage-heading = Használat
help-commands-heading = Parancsok
help-options-heading = Kapcsolók
help-arguments-heading = Paraméterek
help-help = Ez a súgó
help-version = A program verziója
help-lang = A nyelv: hu (magyar) vagy en (angol)
help-subcommand-help = Egy parancs súgója
help-code = Kiírja a pillanatnyi 6 jegyű kódot egy kulcsból vagy otpauth:// címből (a szabványos bemenetről olvas)
help-code-time = Ehhez az időponthoz számol (Unix másodperc), nem a mostanihoz
help-decode = Kiírja a képeken talált otpauth:// címet, képenként egy sort
help-decode-images = A képfájlok (képernyőkép vagy fotó a QR-kódról)
help-code-digits = Egy puszta kulcshoz: a kód számjegyei (alapból 6)
help-code-period = Egy puszta kulcshoz: hány másodpercenként vált a kód (alapból 30)
help-code-algorithm = Egy puszta kulcshoz: az algoritmus (alapból SHA1)
help-options-value = KAPCSOLÓK
help-command-value = PARANCS
help-value-image = KÉP
help-value-unix = UNIX_IDŐ
help-value-seconds = MÁSODPERC

## Általános

info-seconds-left = még {$seconds} mp

## Hibák és teendők

err-prefix = Hiba
rec-prefix = Teendő
err-args = Hibás parancssor: {$detail}
err-args-unknown = ismeretlen kapcsoló vagy paraméter: {$arg}
err-args-subcommand = ismeretlen parancs: {$arg}
err-args-missing = hiányzik: {$arg}
err-args-value = érvénytelen érték: „{$value}” ({$arg})
err-args-other = a parancssor nem értelmezhető
rec-args = A lehetőségeket a `kapukulcs --help` mutatja meg.
err-lang = Ismeretlen nyelv: „{$value}”. Lehet: hu, en.
err-stdin-read = Nem sikerült olvasni a szabványos bemenetet: {$detail}
err-stdin-empty = A szabványos bemenet üres: nincs kulcs és nincs otpauth:// cím.
rec-stdin-empty = Írd be vagy másold be a kulcsot, például: echo 'ABCD EFGH …' | kapukulcs kod

## Kulcsok és otpauth:// címek

err-key-empty = A kulcs üres.
rec-key = A kulcs az Ügyfélkapu+ oldalon a „Nem tudom beolvasni a kódot” alatt látható karaktersor (A–Z és 2–7).
err-key-char = A kulcsban nem használható karakter van: „{$char}” (a(z) {$position}. helyen).
rec-key-char = A kulcs csak az A–Z betűket és a 2–7 számjegyeket tartalmazhatja; a 0, 1, 8 és 9 nem fordul elő benne. Nézd meg, nem O betű vagy I betű-e.
err-key-length = A kulcs hossza ({$length} karakter) nem lehetséges: valószínűleg hiányzik vagy fölösleges egy karakter.
err-uri-scheme = Ez nem otpauth:// cím.
rec-uri = A cím így kezdődik: otpauth://totp/… – ilyet a QR-kód tartalmaz.
err-uri-hotp = Ez számláló alapú (HOTP) kulcs; az Ügyfélkapu+ időalapú (TOTP) kódot használ, ezt a kapukulcs nem kezeli.
err-uri-type = Ismeretlen kódtípus az otpauth:// címben: „{$kind}”. Csak a „totp” használható.
err-uri-no-secret = Az otpauth:// címből hiányzik a kulcs (secret=…).
err-uri-algorithm = Ismeretlen algoritmus: „{$value}”. Lehet: SHA1, SHA256, SHA512.
err-uri-digits = A számjegyek száma csak 6 vagy 8 lehet, itt: „{$value}”.
err-uri-period = Az időlépés érvénytelen: „{$value}” (1 és 3600 másodperc közötti egész szám kell).
err-uri-encoding = Az otpauth:// cím hibásan kódolt karaktert tartalmaz.

## Képek és QR-kódok

err-image-open = Nem sikerült megnyitni a képet: {$file} ({$detail})
rec-image-open = Nézd meg, jó-e a fájl neve és helye.
err-image-empty = A kép üres (0 bájt): {$file}
rec-image-again = Készíts új képernyőképet a QR-kódról, és mentsd el újra.
err-image-truncated = A kép csonka, a vége hiányzik: {$file}
err-image-not-image = Ez nem kép: {$file}
rec-image-formats = Képernyőképet vagy fotót adj meg PNG, JPEG, WebP, BMP, GIF vagy TIFF formában.
err-image-unsupported = Ezt a képformátumot ({$format}) a kapukulcs nem tudja olvasni: {$file}
rec-image-unsupported = Mentsd el a képet PNG vagy JPEG formában (például nyisd meg, és mentsd másként), vagy készíts képernyőképet.
err-image-too-large = A kép túl nagy ({$width} × {$height} képpont): {$file}
rec-image-too-large = A kapukulcs legfeljebb {$megapixels} megapixeles képet olvas. Vágd körbe a QR-kódot, vagy készíts új képernyőképet.
err-image-corrupt = A kép sérült, nem olvasható: {$file}
err-image-no-qr = Ezen a képen nem találtam QR-kódot: {$file}
rec-image-no-qr = A teljes QR-kód látsszon a képen, fehér szegéllyel körben. Fotónál tartsd egyenesen a telefont, és ne legyen homályos.
err-image-not-otpauth = A képen lévő QR-kód nem Ügyfélkapu+ kulcs, hanem {$what}: {$file}
rec-image-not-otpauth = Az Ügyfélkapu+ igénylésénél megjelenő QR-kódról készíts képet („Tovább az Ügyfélkapu+ igényléséhez” után).
what-web-link = egy webcím ({$text})
what-text = ez a szöveg: „{$text}”
what-otpauth-bad = hibás otpauth:// cím ({$detail})
