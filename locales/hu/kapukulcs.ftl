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
err-args-value = érvénytelen érték: {$arg}
# A parancssor egy szava a helyével megnevezve; a szöveget nem írjuk ki, mert kulcs is lehet benne.
args-position = a(z) {$position}. paraméter (nem írom ki: kulcs is lehet benne)
err-args-stdin-only = a(z) {$arg} után csak „-” állhat: a kulcsot és a címet ne írd a parancssorba (más programok is látják, és a shell megjegyzi). Írd „-”-t, és a szabványos bemenetre írd be vagy másold be, majd Ctrl-D (Windowson Ctrl-Z, Enter).
err-args-other = a parancssor nem értelmezhető
rec-args = A lehetőségeket a `kapukulcs --help` mutatja meg.
err-lang = Ismeretlen nyelv a --lang után. Lehet: hu, en.
err-stdin-read = Nem sikerült olvasni a szabványos bemenetet: {$detail}
err-stdin-empty = A szabványos bemenet üres: nincs kulcs és nincs otpauth:// cím.
rec-stdin-empty = Indítsd így: kapukulcs kod, írd be vagy másold be a kulcsot, majd nyomj Entert és Ctrl-D-t (Windowson Ctrl-Z, Enter). Fájlból: kapukulcs kod < kulcs.txt

## Kulcsok és otpauth:// címek

err-key-empty = A kulcs üres.
rec-key = A kulcs az Ügyfélkapu+ oldalon a „Nem tudom beolvasni a kódot” alatt látható karaktersor (A–Z és 2–7).
err-key-char = A kulcsban nem használható karakter van: „{$char}” (a(z) {$position}. helyen).
rec-key-char = A kulcs csak az A–Z betűket és a 2–7 számjegyeket tartalmazhatja; a 0, 1, 8 és 9 nem fordul elő benne. Nézd meg, nem O betű vagy I betű-e.
err-key-length = A kulcs hossza ({$length} karakter) nem lehetséges: valószínűleg hiányzik vagy fölösleges egy karakter.
err-uri-scheme = Ez nem otpauth:// cím.
rec-uri = A cím így kezdődik: otpauth://totp/… – ilyet a QR-kód tartalmaz.
err-uri-hotp = Ez számláló alapú (HOTP) kulcs; az Ügyfélkapu+ időalapú (TOTP) kódot használ, ezt a kapukulcs nem kezeli.
err-uri-steam = Ez Steam-kulcs: saját, betűs kódokat ad, nem szabványos TOTP, ezt a kapukulcs nem kezeli.
err-uri-type = Ismeretlen kódtípus az otpauth:// címben: az otpauth:// utáni rész nem „totp/”.
err-uri-no-secret = Az otpauth:// címből hiányzik a kulcs (secret=…).
# A hibás értéket a helyével nevezzük meg, nem írjuk ki: egy & helyett gépelt ? után a kulcs is benne lehet.
err-uri-algorithm = Ismeretlen algoritmus a cím {$position}. paraméterében (algorithm=…). Lehet: SHA1, SHA256, SHA512. Nézd meg azt is, nem ? áll-e & helyett.
err-uri-digits = A cím {$position}. paraméterében (digits=…) a számjegyek száma csak 6, 7 vagy 8 lehet. Nézd meg azt is, nem ? áll-e & helyett.
err-uri-period = A cím {$position}. paraméterében (period=…) az időlépés érvénytelen: 1 és 3600 másodperc közötti egész szám kell. Nézd meg azt is, nem ? áll-e & helyett.
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
err-image-no-pixels = A képnek egyetlen képpontja sincs ({$width} × {$height} képpont): {$file}
err-image-no-qr = Ezen a képen nem találtam QR-kódot: {$file}
rec-image-no-qr = A teljes QR-kód látsszon a képen, fehér szegéllyel körben. Fotónál tartsd egyenesen a telefont, és ne legyen homályos.
err-image-not-otpauth = A képen lévő QR-kód nem Ügyfélkapu+ kulcs, hanem {$what}: {$file}
rec-image-not-otpauth = Az Ügyfélkapu+ igénylésénél megjelenő QR-kódról készíts képet („Tovább az Ügyfélkapu+ igényléséhez” után).
what-web-link = egy webcím ({$text})
what-text = ez a szöveg: „{$text}”
what-otpauth-bad = hibás otpauth:// cím ({$detail})

## Nyomtatható helyreállító lap (PDF)

sheet-title = Ügyfélkapu+ helyreállító lap
sheet-date = {$year}. {$month}. {$day}.
sheet-created = Készült: {$date}
sheet-page = {$page}/{$pages}. oldal
sheet-header = TITKOS – Ügyfélkapu+ helyreállító lap
sheet-secret-heading = TITKOS!
sheet-secret-text = Aki ezt a lapot megszerzi, a jelszóval együtt be tud lépni az itt felsorolt emberek nevében az Ügyfélkapuba.
sheet-secret-keep = Tartsd a fontos iratok között, például egy zárható fiókban.
sheet-secret-dont = Ne fényképezd le, ne szkenneld be, ne tedd fel a felhőbe, és ne küldd el senkinek.
sheet-what-heading = Mi ez a lap?
sheet-what-text = Ezen a lapon a család Ügyfélkapu+ kulcsai vannak, mindenkié külön oldalon. Ha a telefon elromlik vagy elvész, ezekkel a QR-kódokkal az új telefon újra ugyanazokat a kódokat adja.
sheet-people-heading = Kik vannak rajta?
sheet-person-line = {$name} – {$page}. oldal
entry-name = {$name} ({$username})
sheet-restore-heading = Így állíthatod vissza a telefont
sheet-restore-1 = Telepítsd a valódi NISZ Hitelesítőt (hu.innobile.niszauth, id1603444961).
sheet-restore-2 = Nyisd meg, nyomd meg a + jelet, és engedélyezd a kamerát.
sheet-restore-3 = Olvasd be egymás után a következő oldalak QR-kódjait.
sheet-restore-4 = Adj minden bejegyzésnek nevet, például a felhasználónevet.
sheet-restore-5 = Próbáld ki: „Ügyfélkapu+ hitelesítő alkalmazással” lépj be mindenkivel.
sheet-deletion-heading = Mire jó a törlőkód?
sheet-deletion-text = Ha a telefon elveszett vagy ellopták, a törlőkóddal megszüntetheted az Ügyfélkapu+-t, így az elveszett telefonnal többé nem lehet belépni.
sheet-deletion-1 = Nyisd meg a https://ugyfelkapu.gov.hu oldalt.
sheet-deletion-2 = Kattints az „ÜGYFÉLKAPU+ MEGSZÜNTETÉSE” gombra.
sheet-deletion-3 = Add meg az illető törlőkódját erről a lapról, szóközök nélkül.
sheet-deletion-4 = Utána igényeld újra az Ügyfélkapu+-t, és nyomtass új lapot.
sheet-deletion-office = Ha sem a telefon, sem a törlőkód nincs meg, az Ügyfélkapu+ megszüntetése csak kormányablakban lehetséges.
sheet-label-username = Felhasználónév
sheet-label-issuer = Kibocsátó
sheet-label-key = Kulcs
sheet-label-deletion = Törlőkód
sheet-label-confirmed = Utoljára ellenőrizve
sheet-label-note = Megjegyzés
sheet-none = –
sheet-deletion-missing = nincs feljegyezve
sheet-deletion-missing-hint = Ha a telefon elvész, a kulccsal online kérhető új (kapukulcs elveszett).
sheet-never-confirmed = még soha
sheet-steps-heading = Így teheted vissza a telefonra
sheet-step-1 = Nyisd meg a telefonon a hitelesítő alkalmazást (például a NISZ Hitelesítőt).
sheet-step-2 = Nyomd meg a + jelet, és engedélyezd a kamerát.
sheet-step-3 = Irányítsd a kamerát a fenti QR-kódra, és olvasd be.
sheet-step-4 = Nevezd el a bejegyzést így: {$entry}
sheet-step-5 = Ellenőrizd: „Ügyfélkapu+ hitelesítő alkalmazással” lépj be vele.
sheet-step-manual = Ha a kamera nem olvassa be a QR-kódot, válaszd a kézi beállítást, és gépeld be a fenti kulcsot.

## A mentés tartalma (kártyák, olvass el)

date-format = {$year}. {$month}. {$day}.
card-none = –
card-never = még soha
card-title = Ügyfélkapu+ – {$name}
card-username = Ügyfélkapu felhasználónév: {$username}
card-issuer = Kibocsátó: {$issuer}
card-key = Kulcs (kézi beíráshoz): {$key}
card-uri = otpauth:// cím: {$uri}
card-deletion-code = Törlőkód: {$code}
card-deletion-code-missing = nincs elmentve
card-added = Felvéve: {$date}
card-confirmed = Utoljára ellenőrizve a telefonnal: {$date}
card-note = Megjegyzés: {$note}
card-how =
    Visszaállítás: a hitelesítő alkalmazásban (például NISZ Hitelesítő) nyomd
    meg a + jelet, és olvasd be a mappában lévő qr.png képet. Ha a kamera nem
    olvassa be, válaszd a kézi beállítást, és gépeld be a fenti kulcsot.
bundle-readme =
    KAPUKULCS MENTÉS – OLVASS EL

    Ez a mappa a család Ügyfélkapu+ kulcsait tartalmazza. TITKOS: aki ezeket a
    fájlokat és a jelszót ismeri, az be tud lépni a nevetekben. Ne küldd el
    senkinek, ne töltsd fel sehova, és ha már nem kell, töröld.

    Minden családtagnak van egy mappája (01-en, 02-mama, …). Benne:
      kartya.txt      – név, felhasználónév, kulcs, otpauth:// cím, törlőkód
      qr.png          – tiszta QR-kód, a telefon hitelesítő alkalmazása beolvassa
      eredeti-kep.*   – a QR-kódról annak idején mentett kép (ha volt)

    A főmappában:
      otpauth-cimek.txt – az összes otpauth:// cím, soronként egy (más
                          hitelesítő alkalmazások, például az Ente Auth vagy a
                          2FAS, ilyen listát is be tudnak olvasni)
      manifest.json     – ugyanez gépi formában, a kapukulcs programnak

    Új vagy javított telefonra így teszed vissza a kódokat, kapukulcs nélkül is:
      1. Nyisd meg a hitelesítő alkalmazást (például NISZ Hitelesítő).
      2. Nyomd meg a + jelet, és engedélyezd a kamerát.
      3. Nyisd meg a családtag qr.png képét a számítógépen, és olvasd be.
      4. Nevezd el a bejegyzést a családtagról (például Mama).
      5. Lépj be az Ügyfélkapu+-ba a telefon kódjával, hogy lásd: működik.
    Ha a kamera nem olvassa be, válaszd a kézi beállítást, és gépeld be a
    kartya.txt-ben lévő kulcsot.

    Ha a telefon elveszett vagy ellopták: a https://ugyfelkapu.gov.hu/ oldalon
    az „ÜGYFÉLKAPU+ MEGSZÜNTETÉSE” résznél a törlőkóddal (kartya.txt) meg
    tudod szüntetni az eszközpárosítást. Törlőkód nélkül: tedd a kulcsot
    (qr.png) egy új telefonra, lépj be vele, és az Ügyfélkapu beállítások
    „Beállítás másik eszközre” pontjában kérj új QR-kódot és új törlőkódot.
    Hogy ez a régi telefont kizárja-e, nem tudjuk biztosan: próbálj belépni
    a régi kulcs kódjával. Ha sem a kulcs, sem a törlőkód nincs meg, az
    Ügyfélkapu+ megszüntetése csak kormányablakban lehetséges.

    Ezt a mappát a kapukulcs program készítette ({$root}); a fájlok szabványos
    formátumúak (szöveg, PNG, otpauth://), a program nélkül is használhatók.

## A titkosított mentés

prompt-passphrase = A mentés jelszava
prompt-new-passphrase =
    { $kind ->
        [change] Add meg az új jelszót a mentéshez (ezzel lesz titkosítva ezentúl)
       *[first] Adj meg egy jelszót a mentéshez (ezzel lesz titkosítva)
    }
prompt-repeat-passphrase =
    { $kind ->
        [change] Írd be még egyszer az új jelszót
       *[first] Írd be még egyszer ugyanazt a jelszót
    }
prompt-keep-weak-passphrase = Mégis ezt a gyenge jelszót használod?
warn-weak-passphrase =
    Ez a jelszó gyenge: egy számítógép hamar kitalálja. Például ez erős lenne:
      {$suggestion}
    (Írd fel, és tedd a kinyomtatott lap mellé.)
warn-wrong-passphrase-again = Nem ez a jelszó. Próbáld újra.
info-opening = A mentés kinyitása… (a jelszó ellenőrzése szándékosan lassú)
info-saving = Mentés titkosítása…
err-no-terminal = Ehhez kérdeznem kellene, de nem terminálból indítottad a programot.
rec-no-terminal = Indítsd egy terminálablakból, vagy add meg a válaszokat kapcsolókkal (például --passphrase-file).
err-cancelled = Megszakítva.
err-terminal = A terminál hibát jelzett: {$detail}
err-output = Nem sikerült írni a szabványos kimenetre: {$detail}
rec-output = Nézd meg, hová megy a kimenet (megtelt a lemez? írható a fájl?), és futtasd újra.
err-no-bundle = Még nincs mentés itt: {$file}
rec-no-bundle = Előbb vegyél fel valakit (kapukulcs hozzaadas vagy kapukulcs beallitas), vagy add meg a mentés helyét a --bundle kapcsolóval.
err-not-a-bundle = Ez a fájl nem kapukulcs mentés (nem age titkosítású): {$file}
rec-not-a-bundle = Nézd meg a fájl nevét; a kapukulcs mást nem ír felül. Új mentéshez adj meg egy még nem létező fájlnevet.
err-needs-passphrase = Ez a mentés jelszóval van titkosítva: {$file}
rec-needs-passphrase = Hagyd el az --identity kapcsolót; a program megkérdezi a jelszót (vagy használd a --passphrase-file kapcsolót).
err-needs-identity = Ez a mentés age kulccsal van titkosítva, nem jelszóval: {$file}
rec-needs-identity = Add meg a kulcsfájlt az --identity FÁJL kapcsolóval.
err-wrong-identity = A megadott kulcs(ok) egyike sem nyitja ezt a mentést: {$file}
err-bundle-truncated = A mentés csonka: a vége hiányzik vagy sérült (például félbeszakadt a másolás): {$file}
err-bundle-tampered = A mentés megsérült vagy megváltoztatták, ezért nem bízom meg benne: {$file}
rec-bundle-backup = A fájlhoz nem nyúltam. { $surface ->
        [menu] Ha van mellette .bak végű előző változat, azt próbáld: nevezd át ezt a fájlt (például írd a neve végére: -serult), a .bak fájlról pedig töröld a .bak végződést, majd indítsd újra a programot. Vagy tedd a helyére egy másik másolatát.
       *[terminal] Ha van mellette .bak végű előző változat, próbáld azt (--bundle FÁJL.bak), vagy egy másik másolatot.
    }
err-bad-recipient = Ez nem age nyilvános kulcs: „{$value}”.
rec-bad-recipient = A nyilvános kulcs „age1” kezdetű; az age-keygen írja ki.
err-bad-identity-file = Ebben a fájlban nincs használható age kulcs: {$file}
err-bundle-contents = A mentés kinyílt, de a tartalma nem kapukulcs mentés vagy hiányos: {$file}
err-bundle-newer = Ezt a mentést a kapukulcs egy újabb változata írta ({$version}. formátum): {$file}
rec-bundle-newer = Frissítsd a kapukulcsot. A mentést addig is kinyithatod az age programmal (age -d FÁJL | tar x).
err-bundle-missing-file = A mentésből hiányzik egy fájl, amelyet a tartalomjegyzéke említ ({$inner}): {$file}
err-bundle-file-mismatch = A mentésben egy fájl nem egyezik a tartalomjegyzékkel ({$inner}): {$file}
err-note-too-long =
    { $who ->
        [self] A megjegyzésed { $length } karakter hosszú; legfeljebb { $max } karakter lehet.
       *[other] { $name } megjegyzése { $length } karakter hosszú; legfeljebb { $max } karakter lehet.
    }
rec-note-too-long = Rövidítsd le a megjegyzést (a lapra úgyis csak az eleje fér ki), és add meg újra.
err-bundle-note-too-long = Ebben a mentésben a(z) „{ $name }” nevű családtag megjegyzése { $length } karakter hosszú, a kapukulcs legfeljebb { $max } karaktereset ír; ezt a mentést nem a kapukulcs készítette így: { $file }
err-qr-too-long = {$name} QR-kódja nem rajzolható meg: a cím túl hosszú.
rec-qr-too-long = Nézd meg az otpauth:// címet: egy Ügyfélkapu+ cím legfeljebb néhány száz karakter hosszú.
err-file-read = Nem sikerült olvasni: {$file} ({$detail})
err-file-write = Nem sikerült írni: {$file} ({$detail}). Az előző változat érintetlen.
err-file-unrelated = Itt már van egy másik fájl, azt nem írom felül: {$file}
err-file-busy = Ezt a mentést éppen egy másik kapukulcs használja (folyamatazonosító: {$pid}, { $when ->
        [now] az imént indult
       *[earlier] {$minutes} perce indult
    }): {$file}. Amíg az fut, ez a futás nem változtat rajta, hogy egyik se írja felül a másikat.
err-file-busy-unknown = Ezt a mentést éppen egy másik kapukulcs használja { $platform ->
        [windows] (talán egy másik ablakban)
       *[other] (épp most indult el)
    }: {$file}. Amíg az fut, ez a futás nem változtat rajta, hogy egyik se írja felül a másikat.
rec-file-busy = Fejezd be a másikat (a főmenüben: Kilépés), aztán indítsd újra ezt. Addig is működik a lista, a nyomtatás és az ellenőrzés.
err-file-changed = A mentés megváltozott, amióta ez a futás kinyitotta (talán egy másik program vagy egy szinkronizált mappa írta): {$file}. Nem írom felül, mert akkor az a változás elveszne.
rec-file-changed = Indítsd újra a kapukulcsot: akkor a mostani változatot nyitja ki. Ha ebben a futásban beírtál valamit, azt most írd fel.
err-lock-not-plain = A mentés zárolófájlja nem egy közönséges, önálló fájl (hanem hivatkozás, egy másik fájl másik neve vagy mappa): {$file}. Nem írok bele, mert azzal egy másik fájlt írnék felül, és a mentéshez sem nyúltam.
rec-lock-not-plain = Ha nem te hoztad létre, töröld ezt az egy fájlt (a mentést ne!): {$file}. A kapukulcs a következő indításkor újat készít a helyére.
info-swept-temporaries = Félbehagyott ideiglenes fájlt töröltem ebben a mappában (egy korábbi futás megszakadt, mielőtt eltüntethette volna): {$count} darab, itt: {$folder}
info-saved-through-link = A {$link} egy hivatkozás; a mentés az általa mutatott fájlba került: {$file}
save-failed-title = A mentés nem sikerült. Mit tegyek?
save-failed-retry = Újrapróbálom (például miután helyet csináltál, vagy visszadugtad a pendrive-ot)
save-failed-elsewhere = Máshová mentem (beírod, hová)
save-failed-show = Megmutatom, mi veszne el, hogy felírhasd, aztán kilépek
save-ask-path = Hová mentsem? (egy fájl vagy egy mappa elérési útja)
save-moved = Ezentúl ide mentek: {$file}. { $surface ->
        [menu] A program a következő indításkor a régi helyén keresi a mentést: ha oda megint lehet írni, másold vissza ezt a fájlt oda ({$old}).
       *[terminal] Legközelebb így indítsd, hogy ezt nyissa ki: --bundle {$flag}
    }
save-failed-lost = Ez még nincs elmentve; írd fel most:
save-lost-member = {$name} (felhasználónév: {$username})
save-lost-member-code = {$name} (felhasználónév: {$username}), törlőkód: {$code}
save-lost-confirmed = {$name} telefonos ellenőrzésének ideje (a kulcs megvan, csak ez a jelölés hiányzik)
err-passphrase-file = Nem sikerült olvasni a jelszófájlt: {$file} ({$detail})
err-empty-passphrase = A jelszó nem lehet üres.
err-passphrase-mismatch = A két jelszó nem egyezik. Kezdjük újra.
err-identity-file = Nem sikerült olvasni a kulcsfájlt: {$file} ({$detail})

## Családtagok

err-name-empty = A név nem lehet üres.
err-name-taken = Már van ilyen nevű családtag: {$name}
rec-name-taken = Adj meg másik nevet (például „Mama 2”), vagy előbb töröld a régit: kapukulcs torles NÉV
err-no-such-member = Nincs ilyen nevű családtag a mentésben: {$name}
rec-no-such-member = A családtagokat a kapukulcs lista mutatja meg.
err-deletion-code-empty = A törlőkód üres.
err-deletion-code-digits = A törlőkód csak számjegyekből áll.
rec-deletion-code = A törlőkód az Ügyfélkapu+ párosítás után jelenik meg, például: 91390724.
warn-deletion-code-length = Ez {$length} számjegy; az eddig látott törlőkódok 8 számjegyűek voltak. Ha az oldalon is pontosan így áll, így is jó: elmentem.

## Parancsok: hozzáadás, lista, törlés, nyomtatás, bemutató

help-bundle = A titkosított mentés fájlja (alapból a felhasználó adatmappájában)
help-passphrase-file = A mentés jelszava ennek a fájlnak az első sorából (szkriptekhez)
help-recipient = Új mentésnél: jelszó helyett erre az age nyilvános kulcsra titkosít (többször is megadható; később: kapukulcs kulcsok)
help-identity = Ezzel az age kulcsfájllal nyitja ki a mentést (többször is megadható)
help-add = Felvesz egy családtagot kérdések nélkül (képből, otpauth:// címből vagy kulcsból)
help-add-name = A családtag neve, ahogy hívjátok: Én, Mama, Papa…
help-add-username = Az ügyfélkapus felhasználóneve
help-add-image = A QR-kódról mentett kép
help-add-uri = Az otpauth:// cím a szabványos bemenetről: --uri - (csak „-” adható meg, hogy a titok ne látsszon a parancssorban)
help-add-key = A „Nem tudom beolvasni a kódot” alatti kulcs a szabványos bemenetről: --key - (csak „-” adható meg)
help-add-deletion-code = A párosítás után kapott törlőkód a szabványos bemenetről: --deletion-code - (csak „-” adható meg, hogy a kód ne látsszon a parancssorban); kulccsal vagy címmel együtt annak a következő sorában
help-add-note = Megjegyzés
help-list = Megmutatja, kik vannak a mentésben (titkok nélkül)
help-remove = Töröl egy családtagot a mentésből (megerősítés után)
help-remove-name = A törlendő családtag neve
help-remove-yes = Nem kérdez rá, azonnal töröl
help-print = Elkészíti a kinyomtatható helyreállító lapot (PDF)
help-print-output = A PDF fájl neve (alapból helyreallito-lap.pdf a saját mappádban lévő kapukulcs mappában, ahová a varázsló is ír)
help-demo = Bemutató: kitalált családdal (Én, Mama, Papa) elkészít egy mentést és egy lapot, valódi fiók nélkül
help-demo-dir = Ebbe a mappába (alapból egy új ideiglenes mappába)
help-value-file = FÁJL
help-value-folder = MAPPA
help-value-name = NÉV
help-value-username = FELHASZNÁLÓNÉV
help-value-text = SZÖVEG
help-value-stdin = BEMENET
info-added = Felvettem: {$name} ({$issuer}). Elmentve ide: {$file}
list-name = Név
list-username = Felhasználónév
list-issuer = Kibocsátó
list-confirmed = Utoljára ellenőrizve
list-deletion-code = Törlőkód
list-yes = megvan
list-missing = HIÁNYZIK
prompt-remove = Biztosan törlöd {$name} adatait a mentésből? (A telefonon lévő bejegyzés megmarad.)
info-not-removed = Nem töröltem: {$name}
info-removed = Töröltem: {$name}. Az előző mentés .bak végű fájlként megmaradt.
info-sheet-written =
    A helyreállító lap elkészült ({$count} családtag): {$file}
    Nyomtasd ki, és tedd a fontos papírok közé. A PDF fájlt utána töröld: titkokat tartalmaz.
demo-note = Bemutató: kitalált kulcs, nem valódi fiók.
info-demo =
    A bemutató elkészült ebben a mappában: {$dir}

    • {$bundle}
          a titkosított mentés (age formátum)
    • {$passphrase_file}
          a mentés jelszava: {$passphrase}
    • {$sheet}
          a kinyomtatható helyreállító lap
    • {$pictures}
          „képernyőképek” a QR-kódokról, ahogy az Ügyfélkapu+ oldalról mentenéd

    Próbáld ki:
      {$program} --bundle {$bundle_arg} --passphrase-file {$passphrase_file_arg} lista
      {$program} dekodol {$picture_arg}
      {$program} dekodol {$picture_arg} | {$program} kod
      age -d {$bundle_arg} | tar x        (jelszó: {$passphrase})

## A varázsló (beállítás lépésről lépésre)

help-setup = Végigvezet a család Ügyfélkapu+ regisztrációján, lépésről lépésre
help-setup-dir = A munkamappa: ide mentsd a képernyőképeket (alapból {$dir})
console-press-enter = Nyomj Entert az ablak bezárásához.
menu-title = Mit szeretnél?
welcome =
    Üdvözöl a kapukulcs! Segít elmenteni a család Ügyfélkapu+ kulcsait és törlőkódjait, hogy egy új telefonra bármikor vissza lehessen tenni őket.

    A mentés egy titkosított fájl lesz, itt: {$file}
    Most válassz hozzá egy jelszót. Jól jegyezd meg: ha elfelejted, senki sem tudja kinyitni a mentést, ez a program sem. Ezért a végén nyomtasd ki a helyreállító lapot is: azon jelszó nélkül is ott van minden, ami a visszaállításhoz kell.
live-quit = (Vissza a menübe: Enter)
menu-codes-live = A mostani kódok: mindenkié, élőben
menu-passphrase = A mentés jelszavának cseréje
menu-demo = Bemutató egy kitalált családdal (próbának)
menu-setup = Új regisztráció / családtag felvétele
menu-print = Helyreállító lap nyomtatása
menu-list = Kik vannak a mentésben?
menu-person = Egy családtag újraregisztrálása vagy törlése
menu-person-empty = A mentésben még nincs senki. Előbb vedd fel a családtagokat: „Új regisztráció / családtag felvétele”.
menu-person-which = Kinek az adataival?
menu-person-what =
    { $who ->
        [self] Mit tegyünk a saját adataiddal?
       *[other] Mit tegyünk {$name} adataival?
    }
menu-person-redo = Újraregisztrálom (új QR-kód az Ügyfélkapun; a mostani kulcs a korábbiak közé kerül)
menu-person-remove = Törlöm a mentésből
menu-back = Vissza
prompt-redo =
    { $who ->
        [self] Biztosan újrakezded a regisztrációdat? Az Ügyfélkapun új QR-kódot kérsz; a mostani kulcsod és törlőkódod a korábbiak között megmarad.
       *[other] Biztosan újrakezded {$name} regisztrációját? Az Ügyfélkapun új QR-kódot kérsz; a mostani kulcsa és törlőkódja a korábbiak között megmarad.
    }
menu-quit = Kilépés
wizard-intro =
    Most végigmegyünk a család Ügyfélkapu+ regisztrációján, egyszerre egy
    emberen. Mindent elmentek ide, titkosítva: {$bundle}
    { $yourself ->
        [missing] Ahogy az útmutató is tanácsolja, kezdd magaddal (a neved itt: Én), utána
    jöhetnek a többiek, például Mama és Papa.
       *[saved] A saját adataid már megvannak; jöhetnek a többiek, például Mama és Papa.
    }
    Bármikor abbahagyhatod (Ctrl-C): ami kész, az megmarad, és legközelebb
    innen folytatjuk.
wizard-resume =
    { $who ->
        [self] A saját regisztrációd félbemaradt ({$step}). Mit tegyünk?
       *[other] {$name} regisztrációja félbemaradt ({$step}). Mit tegyünk?
    }
wizard-resume-continue = Folytatjuk, ahol abbamaradt
wizard-resume-restart = Újrakezdem (új QR-kód; a félbemaradt kulcs a korábbiak közé kerül)
wizard-resume-skip = Most kihagyom
wizard-name-taken =
    { $who ->
        [self] A saját adataid már megvannak a mentésben. Mit tegyünk?
       *[other] Már van {$name} nevű családtag a mentésben. Mit tegyünk?
    }
wizard-name-taken-redo =
    { $who ->
        [self] Újrakezdem a regisztrációdat (új QR-kód; a mostani kulcsod a korábbiak közé kerül)
       *[other] Újrakezdem {$name} regisztrációját (új QR-kód; a mostani kulcsa a korábbiak közé kerül)
    }
wizard-name-taken-other = Másik nevet írok
wizard-resume-step-key = a kulcs ellenőrzése jön
wizard-resume-step-phone = a telefon kódjának ellenőrzése jön
wizard-resume-step-deletion = a törlőkód hiányzik
wizard-add-someone = Felveszel most valakit?
wizard-next-person = Jöhet a következő családtag?
wizard-ask-name =
    { $yourself ->
        [missing] Kit regisztrálunk? A név, ahogy hívjátok (kezdd magaddal: Én; utána például Mama, Papa)
       *[saved] Kit regisztrálunk? A név, ahogy hívjátok (például Mama, Papa)
    }
wizard-ask-username =
    { $who ->
        [self] A saját ügyfélkapus felhasználóneved (ha nem tudod, hagyd üresen)
       *[other] {$name} ügyfélkapus felhasználóneve (ha nem tudod, hagyd üresen)
    }
wizard-step-1 =
    1. lépés – Az Ügyfélkapu oldalán
      • Nyiss egy privát (inkognitó) böngészőablakot, és menj ide: https://ugyfelkapu.gov.hu/
      • A bejelentkezésnél a régi, csak jelszavas belépést válaszd, az „Ügyfélkapu” gombot: ezzel már csak az Ügyfélkapu+ igénylése végezhető el.
      • { $who ->
            [self] Jelentkezz be a saját RÉGI ügyfélkapus felhasználóneveddel{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            } és jelszavaddal.
           *[other] Jelentkezz be {$name} RÉGI ügyfélkapus felhasználónevével{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            } és jelszavával.
        }
      • Az „Ügyfélkapu+ igénylés e-mailes kóddal” gombra NE kattints: ez a program a hitelesítő alkalmazáshoz készült.
      • Kattints az „Ügyfélkapu+ igénylése” gombra, majd a „Tovább az Ügyfélkapu+ igényléséhez” gombra.
      • Megjelenik egy QR-kód. Figyelem! Itt állj meg: még ne olvasd be a telefonnal!
    Nyomj Entert, ha látod a QR-kódot.
wizard-step-2 =
    2. lépés – Készíts képet { $who ->
        [self] a saját QR-kódodról
       *[other] a QR-kódról ({$name})
    }
      • { $platform ->
            [windows] Nyomd meg a Windows + Shift + S billentyűket (Képmetsző), és jelöld ki a QR-kódot.
            [macos] Nyomd meg a Cmd + Shift + 4 billentyűket, és jelöld ki a QR-kódot (a kép az Asztalra kerül).
           *[other] Használd a Képmetszőt (Windows + Shift + S) vagy a Print Screen gombot.
        }
      • { $platform ->
            [windows] Kattints a megjelenő értesítésre, majd a Mentés gombra (Ctrl + S), és mentsd a képet ebbe a mappába:
            [macos] Húzd át a képet ebbe a mappába:
           *[other] Mentsd a képet ebbe a mappába:
        }
        → {$folder}
      A program magától észreveszi, amint a kép megjelenik ott.
      (Vagy húzd ide a képfájlt, illetve írd be az útvonalát, és nyomj Entert.)
wizard-waiting = Várom a képet…
wizard-read-qr =
    { $from ->
        [clipboard] Beolvastam az Ügyfélkapu+ QR-kódot a vágólapról: fiók: {$account}
        [screenshots] Beolvastam az Ügyfélkapu+ QR-kódot a rendszer képernyőkép-mappájából ({$file}): fiók: {$account}
        [folder] Beolvastam az Ügyfélkapu+ QR-kódot a mappából ({$file}): fiók: {$account}
       *[path] Beolvastam az Ügyfélkapu+ QR-kódot a megadott fájlból ({$file}): fiók: {$account}
    }
wizard-key-known-own-cancelled =
    { $who ->
        [self] Ez a kép a saját MEGSZÜNTETETT kulcsodat mutatja (egy régi képernyőkép): ezzel már nem lehet belépni, így nem lehet az új kulcsod.
       *[other] Ez a kép {$name} MEGSZÜNTETETT kulcsát mutatja (egy régi képernyőkép): ezzel már nem lehet belépni, így nem lehet az új kulcsa.
    }
wizard-key-known-own-current =
    { $who ->
        [self] Ez a kép a mostani kulcsodat mutatja (egy régi képernyőkép), nem az újat.
       *[other] Ez a kép {$name} mostani kulcsát mutatja (egy régi képernyőkép), nem az újat.
    }
wizard-key-known-own-former =
    { $who ->
        [self] Ez a kép a saját egyik korábbi, már nem érvényes kulcsodat mutatja (egy régi képernyőkép).
       *[other] Ez a kép {$name} egyik korábbi, már nem érvényes kulcsát mutatja (egy régi képernyőkép).
    }
wizard-key-known-other =
    { $other_who ->
        [self] Ez a kép a saját kulcsodat mutatja, nem {$name} kulcsát: egy kulcs csak egy emberé lehet.
       *[other] { $who ->
            [self] Ez a kép {$other} kulcsát mutatja, nem a tiédet: egy kulcs csak egy emberé lehet.
           *[other] Ez a kép {$other} kulcsát mutatja, nem {$name} kulcsát: egy kulcs csak egy emberé lehet.
        }
    }
wizard-key-known-other-former =
    { $other_who ->
        [self] Ez a kép a saját egyik régi, már nem érvényes kulcsodat mutatja, nem {$name} kulcsát.
       *[other] { $who ->
            [self] Ez a kép {$other} egyik régi, már nem érvényes kulcsát mutatja, nem a tiédet.
           *[other] Ez a kép {$other} egyik régi, már nem érvényes kulcsát mutatja, nem {$name} kulcsát.
        }
    }
warn-qr-username =
    { $who ->
        [self] Figyelem: ebben a QR-kódban a fiók neve {$account}, a te felhasználóneved viszont {$username}. Lehet, hogy ez valaki más QR-kódja.
       *[other] Figyelem: ebben a QR-kódban a fiók neve {$account}, {$name} felhasználóneve viszont {$username}. Lehet, hogy ez valaki más QR-kódja.
    }
prompt-qr-username =
    { $who ->
        [self] Biztosan a saját QR-kódod ez?
       *[other] Biztosan {$name} QR-kódja ez?
    }
wizard-key-known-next = Ezt a képet nem használom. Készíts képet arról a QR-kódról, amit az Ügyfélkapu oldala MOST mutat.
wizard-step-3 =
    3. lépés – A kulcs betűi
      • Kattints az oldalon a „Nem tudom beolvasni a kódot” szövegre.
      • Másold ide a megjelenő karaktersort (vagy gépeld be).
      Ha ezt kihagynád, csak nyomj Entert.
wizard-ask-key = A karaktersor
wizard-key-skipped = Rendben, ezt kihagytuk. A QR-kódban lévő kulcs már el van mentve.
wizard-key-matches = A beírt karaktersor ugyanaz a kulcs, mint a QR-kódban. Rendben.
wizard-key-stale =
    A beírt karaktersor NEM ugyanaz a kulcs, mint ami a QR-kódban van: az egyik régi
    (valószínűleg megnyomtad az „Új kódot kérek” gombot). Készíts új képet a mostani
    QR-kódról, utána a karaktersort is újra kérem.
wizard-step-4 =
    4. lépés – A telefonon
      • Nyisd meg a hitelesítő alkalmazást. Bármelyik TOTP-alkalmazás jó; ha a NISZ Hitelesítőt választod, az igazit töltsd le (az áruházakban utánzatokat is hirdetnek): Google Play: hu.innobile.niszauth, App Store: id1603444961.
      • Nyomd meg a + jelet, és engedélyezd a kamerát.
      • Ha az oldalon a karaktersor látszik, kattints az „Inkább kérem a QR-kódot” szövegre: újra megjelenik a QR-kód.
      • Olvasd be a QR-kódot a telefonnal.
      • Nevezd el a bejegyzést így: {$entry}
wizard-code-window = A mostani kód még ennyi ideig érvényes: {$bar} {$seconds} mp
wizard-wait-next-code = Már csak {$seconds} mp van hátra ebből a kódból: várjuk meg a következőt.
wizard-countdown = A következő kódig
wizard-ask-code =
    { $who ->
        [self] 5. lépés – Írd be a kódot, amit a telefon most a saját sorodban mutat
       *[other] 5. lépés – Írd be a kódot, amit a telefon most {$name} sorában mutat
    }
wizard-code-format = A kód {$digits} számjegyből áll. Írd be újra.
wizard-code-ok = A telefon jó kódot mutat. A kulcs rendben van.
wizard-clock-ahead = A kód nem a mostani: a telefon órája {$seconds} másodpercet siet. Állítsd a telefonon a dátumot és az időt automatikusra, majd írd be az új kódot.
wizard-clock-behind = A kód nem a mostani: a telefon órája {$seconds} másodpercet késik. Állítsd a telefonon a dátumot és az időt automatikusra, majd írd be az új kódot.
wizard-code-other-member =
    { $other_who ->
        [self] Ez a saját kódod, nem {$name} kódja: a telefonon rossz sort nézed. Nézd meg a {$name} nevű bejegyzést.
       *[other] { $who ->
            [self] Ez {$other} kódja, nem a tiéd: a telefonon rossz sort nézed. Nézd meg a saját bejegyzésedet ({$name}).
           *[other] Ez {$other} kódja, nem {$name} kódja: a telefonon rossz sort nézed. Nézd meg a {$name} nevű bejegyzést.
        }
    }
wizard-code-own-former =
    { $who ->
        [self] Ez a RÉGI kulcsod kódja: a telefonon a régi bejegyzést nézed. Keresd meg az újat (az imént olvastad be), és annak a kódját írd be.
       *[other] Ez {$name} RÉGI kulcsának kódja: a telefonon a régi bejegyzést nézed. Keresd meg az újat (az imént olvastad be), és annak a kódját írd be.
    }
wizard-code-stale-key =
    Ez a kód egyik elmentett kulcshoz sem tartozik: a telefonon lévő bejegyzés más kulcsot
    tartalmaz (valószínűleg egy korábbi QR-kódot olvastál be). Töröld a bejegyzést a
    telefonon (hosszan nyomd meg, majd a piros törlés gomb), olvasd be újra a képernyőn
    lévő QR-kódot, és írd be az új kódot.
wizard-saved =
    { $who ->
        [self] A kulcsod ellenőrizve és elmentve.
       *[other] {$name} kulcsa ellenőrizve és elmentve.
    }
wizard-step-7 =
    6–7. lépés – Vissza az Ügyfélkapu oldalára ({ $who ->
        [self] a sajátod
       *[other] {$name}
    })
      • { $who ->
            [self] Írd be az ügyfélkapus jelszavadat és a telefonon most látható kódot.
           *[other] Írd be {$name} ügyfélkapus jelszavát és a telefonon most látható kódot.
        }
      • Kattints a „Tovább”, majd a „Mentés” gombra.
      • Megjelenik a TÖRLŐKÓD. Ezt írd be ide a következő kérdésnél.
      • Utána pipáld ki az „A fenti törlőkód mentéséről gondoskodtam” mezőt, és kattints a „Befejezés” gombra.
    Nyomj Entert, ha látod a törlőkódot.
wizard-ask-deletion-code =
    { $who ->
        [self] A törlőkódod, szóközök nélkül, ahogy az oldalon áll (például 91390724)
       *[other] {$name} törlőkódja, szóközök nélkül, ahogy az oldalon áll (például 91390724)
    }
wizard-deletion-code-readback = Ezt a törlőkódot mentem el: {$code}. Pontosan ez áll az oldalon?
warn-deletion-code-known =
    { $known ->
        [own-former] { $who ->
            [self] Figyelem: ez a RÉGI törlőkódod, a megszüntetett kulcsodé.
           *[other] Figyelem: ez {$name} RÉGI törlőkódja, a megszüntetett kulcsáé.
        }
       *[other] { $other_who ->
            [self] Figyelem: ez a saját törlőkódod.
           *[other] Figyelem: ez {$other} törlőkódja.
        }
    } Az új regisztráció új törlőkódot ad: nézd meg, mit mutat MOST az oldal.
wizard-step-8 =
    8. lépés – Kész ({ $who ->
        [self] a sajátod
       *[other] {$name}
    })
      • Lépj ki az Ügyfélkapuból, és zárd be a privát ablakot.
    Nyomj Entert a folytatáshoz.
wizard-sheet =
    Elkészült a helyreállító lap: {$file}
    Nyomtasd ki, és tedd a fontos papírok közé (például a születési anyakönyvi kivonatok mellé).
wizard-summary-title = Összefoglaló:
wizard-summary-done = kész (kulcs ellenőrizve, törlőkód elmentve)
wizard-summary-unconfirmed = HIÁNYZIK: a telefon kódjának ellenőrzése
wizard-summary-no-deletion-code = HIÁNYZIK: a törlőkód
wizard-delete-pictures = Törlöm őket ({$count} kép)?
wizard-pictures-deleted = {$count} képet töröltem.
answer-yes = Igen
answer-no = Nem
prompt-picture-path = A kép útvonala

## Visszaállítás, ellenőrzés, importálás, exportálás

help-restore = Telefoncsere vagy -javítás után: egyenként megmutatja a QR-kódokat, és ellenőrzi a telefon kódjait
help-restore-only = Csak ezt a családtagot (többször is megadható)
help-restore-png = Kérdés nélkül: QR-képeket ír ebbe a mappába, személyenként egyet
help-restore-pdf = Kérdés nélkül: újra elkészíti a helyreállító lapot ebbe a fájlba
help-restore-google = Google Hitelesítő „Fiókok átvitele” kódok: az egész család egy beolvasással
help-check = Melyik kód kié? Írd be a telefonon látott kódokat, és megmondom, melyik családtagé
help-check-codes = A kódok (ha nem adod meg, egyenként kérdezem)
help-check-live = Mindenki mostani kódja visszaszámlálással, mint egy hitelesítő alkalmazásban
help-import = Beolvassa egy másik hitelesítő alkalmazás mentését (Google átviteli QR-kód, Aegis JSON, otpauth lista)
help-import-files = A fájlok: képernyőkép az átviteli QR-kódról, Aegis JSON export vagy otpauth:// lista
help-export = Kiírja a fiókokat egy másik alkalmazásnak (Aegis JSON vagy otpauth:// lista) – titkosítatlanul!
help-export-format = A formátum: aegis vagy uri
help-export-output = Az új fájl neve (meglévő fájlt nem ír felül)
restore-person =
    {$name}
    A telefonon: hitelesítő alkalmazás → + → olvasd be ezt a QR-kódot. A bejegyzés neve: {$entry}
restore-key = Ha a kamera nem olvassa be, a kézi beállításhoz a kulcs: {$key}
restore-confirmed =
    { $who ->
        [self] A kulcsod a telefonon működik; elmentettem az ellenőrzés idejét.
       *[other] {$name} kulcsa a telefonon működik; elmentettem az ellenőrzés idejét.
    }
restore-skipped-cancelled =
    { $who ->
        [self] A saját kulcsod kimarad: megszüntették ({$date}), ezzel már nem lehet belépni. Új regisztráció: a menüben „Elveszett vagy ellopták a telefont”.
       *[other] {$name} kimarad: a kulcsát megszüntették ({$date}), ezzel már nem lehet belépni. Új regisztráció: a menüben „Elveszett vagy ellopták a telefont”.
    }
restore-done = Kész: {$count} fiók visszaállítva és ellenőrizve.
restore-google = Google Hitelesítő átviteli kód ({$index}/{$count}): a Google Hitelesítőben „Fiókok átvitele” → „Fiókok importálása”, és olvasd be.
restore-google-next = Nyomj Entert, ha beolvastad.
warn-google-period =
    { $who ->
        [self] A kulcsod nem 30 másodperces, ezért a Google átviteli kód nem viheti át; a sajátodat egyenként állítsd vissza.
       *[other] {$name} kulcsa nem 30 másodperces, ezért a Google átviteli kód nem viheti át; őt egyenként állítsd vissza.
    }
check-intro = Írd be egymás után a telefonon látható kódokat; üres sor: kilépés.
check-ask = Kód
check-belongs =
    { $who ->
        [self] {$code}: ez a saját kódod.
        [mixed] {$code}: ez a saját kódod, és ugyanez {$names} kódja is.
       *[other] {$code}: ez {$names} kódja.
    }
check-empty = A mentésben még nincs senki, így ezt a kódot nincs mihez hasonlítanom. Előbb vedd fel a családtagokat: a menüben „Új regisztráció / családtag felvétele”.
check-format = Ez nem egy kód: a telefon 6 számjegyet mutat (a szóköz nem számít). Valószínűleg elgépelés; írd be újra.
check-near =
    { $who ->
        [self] {$code}: ez egyetlen számjegyben tér el a saját mostani kódodtól, tehát valószínűleg elgépelted. Nézd meg újra a telefont, és írd be még egyszer.
       *[other] {$code}: ez egyetlen számjegyben tér el {$name} mostani kódjától, tehát valószínűleg elgépelted. Nézd meg újra a telefont, és írd be még egyszer.
    }
check-clock =
    { $who ->
        [self] {$code}: ez a saját kódod, de nem a mostani
       *[other] {$code}: ez {$name} kódja, de nem a mostani
    }: a telefon órája {$seconds} másodpercet { $direction ->
        [ahead] siet
       *[behind] késik
    }. A bejegyzés jó; állítsd a telefonon a dátumot és az időt automatikusra.
check-nobody = {$code}: ez a kód egyik elmentett fiókhoz sem tartozik, 10 perccel előbb vagy később sem. Biztosan pontosan így áll a telefonon? Ha igen, ez a bejegyzés talán egy korábbi próbálkozásból maradt: van mellette egy másik bejegyzés ugyanennek a családtagnak, amelyiknek a kódját felismerem? Csak akkor töröld, ha igen.
check-live-title = Mindenki mostani kódja:
check-live-quit = (Kilépés: Ctrl-C)
check-live-seconds = {$seconds} mp
import-found = {$count} fiókot találtam:
import-found-item = {$number}. {$issuer} – {$account}
import-ask = {$label}: felveszem a családtagok közé?
import-take = Igen, felveszem
import-skip = Nem, kihagyom
import-ask-name = Kié ez a fiók ({$label})? A név, ahogy hívjátok
import-done = Kész: {$count} fiókot vettem fel és ellenőriztem.
export-done = Kiírtam {$count} fiókot ide: {$file}
warn-export-unencrypted = Figyelem: ez a fájl NINCS titkosítva. Olvasd be a másik alkalmazásba, aztán azonnal töröld.
err-import-migration-damaged = A Google átviteli kód csonka vagy sérült: {$file}
err-import-migration-version = A Google átviteli kód ismeretlen változatú ({$version}): {$file}
err-import-aegis-encrypted = Ez az Aegis mentés titkosított, ezt nem tudom olvasni: {$file}
rec-import-aegis-encrypted = Az Aegisben: Beállítások → Importálás és exportálás → Exportálás, és kapcsold ki a titkosítást (sima JSON). A fájlt a beolvasás után töröld.
err-import-aegis-malformed = Ez nem olvasható Aegis mentés ({$detail}): {$file}
err-import-aegis-version = Ismeretlen Aegis változat ({$version}): {$file}
err-import-nothing = Nem találtam benne egyetlen fiókot sem: {$file}
err-import-bad-lines = Ezek a sorok nem otpauth:// címek: {$lines}: {$file}
rec-import = A Google Hitelesítőben: „Fiókok átvitele” → „Fiókok exportálása”, és készíts képernyőképet a QR-kódokról; vagy exportálj sima JSON-t (Aegis), illetve otpauth listát (Ente Auth, 2FAS).
rec-import-again = Készíts új képernyőképet vagy új exportot, és próbáld újra.
menu-check = Melyik kód kié?
menu-restore = Visszaállítás új vagy javított telefonra
restore-ask-code =
    { $who ->
        [self] Írd be a kódot, amit a telefon most a saját sorodban mutat
       *[other] Írd be a kódot, amit a telefon most {$name} sorában mutat
    }
sheet-people-more = … és még {$count} fő

## Pictures: bounds and secret-free messages (issue 11)
what-transfer = egy Google Hitelesítő átviteli kód (a szövegét nem írom ki, mert kulcsokat tartalmaz)
what-key-text = egy szöveg, amelyben kulcs lehet (nem írom ki)
rec-image-transfer = A Google Hitelesítő átviteli kódját az importálás olvassa be: kapukulcs importalas KÉP
rec-image-too-long = A kapukulcs legfeljebb {$side} képpont széles és magas képet olvas. Vágd körbe a QR-kódot, vagy készíts új képernyőképet.
err-image-file-too-large = A fájl túl nagy egy képhez (több mint {$megabytes} MB): {$file}
rec-image-file-too-large = Mentsd el a képet PNG vagy JPEG formában, vagy készíts új képernyőképet.

## Imports: skipped entries (issue 10)
import-skipped = Ezeket nem tudom átvenni ({$count}):
import-skipped-line = {$line}. sor: {$name} – {$reason}
import-skipped-entry = {$name} – {$reason}
import-skipped-noname = (név nélkül)
skip-reason-hotp = számláló alapú (HOTP) kulcs; az Ügyfélkapu+ időalapú (TOTP) kódot használ
skip-reason-steam = Steam-kulcs: saját, betűs kódokat ad, nem szabványos TOTP
# $how: quoted (a rövid, kulcsot nem tartalmazó érték idézve), parameter (a cím $position. paramétere), none (a szöveg kulcsot tartalmazhat: nem írjuk ki).
skip-reason-type = { $how ->
        [quoted] ismeretlen kódtípus: „{$value}”
       *[other] ismeretlen kódtípus
    }
skip-reason-algorithm = { $how ->
        [quoted] ismeretlen algoritmus: „{$value}” (csak SHA1, SHA256 vagy SHA512 lehet)
        [parameter] ismeretlen algoritmus a(z) {$position}. paraméterben (csak SHA1, SHA256 vagy SHA512 lehet)
       *[other] ismeretlen algoritmus (csak SHA1, SHA256 vagy SHA512 lehet)
    }
skip-reason-digits = { $how ->
        [quoted] a számjegyek száma „{$value}”; csak 6, 7 vagy 8 lehet
        [parameter] a(z) {$position}. paraméterben a számjegyek száma nem 6, 7 vagy 8
       *[other] a számjegyek száma nem 6, 7 vagy 8
    }
skip-reason-period = { $how ->
        [quoted] a kód érvényessége „{$value}” másodperc; 1 és 3600 között lehet
        [parameter] a(z) {$position}. paraméterben a kód érvényessége nem 1 és 3600 másodperc közötti
       *[other] a kód érvényessége nem 1 és 3600 másodperc közötti
    }
skip-reason-key = a kulcs hiányzik vagy hibás
skip-reason-unreadable = nem olvasható (nem otpauth:// cím, vagy sérült bejegyzés)

## Keys and damaged files (issue 10)
err-wrong-passphrase-or-header = Hibás jelszó – vagy ha a jelszó biztosan jó, akkor a mentés fejléce sérült meg (a kettőt a fájlból nem lehet megkülönböztetni): {$file}
rec-wrong-passphrase-or-header = Figyelj a kis- és nagybetűkre és a billentyűzetkiosztásra (például y és z). { $surface ->
        [menu] Ha biztos vagy a jelszóban, próbáld a .bak végű előző változatot: nevezd át a mentés fájlját (például írd a neve végére: -serult), a mellette lévő .bak fájlról pedig töröld a .bak végződést, majd indítsd újra a programot.
       *[terminal] Ha biztos vagy a jelszóban, próbáld a .bak végű előző változatot (--bundle FÁJL.bak).
    } A mentés nem változott.
err-bundle-header = A mentés fejléce (az eleje, amely a kulcsot őrzi) megsérült vagy megváltoztatták, ezért nem nyitható ki: {$file}
err-bundle-appended = A mentés végére idegen adat került (például két fájlt fűztek össze): {$file}
rec-bundle-appended = A fájlhoz nem nyúltam. Maga a mentés az első {$whole} bájt: próbáld a .bak végű előző változatot, vagy vágd le a fájlt erre a méretre (Linuxon és macOS-en: truncate -s {$whole} FÁJL).
err-bundle-work-too-high = Ez a mentés 2^{$factor} scrypt munkát kér a jelszóhoz, a kapukulcs legfeljebb 2^{$max} értéket fogad el (az is 4 GiB memória és jó néhány másodperc): {$file}
rec-bundle-work-too-high = Nyisd ki azon a gépen, amelyik készítette (vagy az age programmal), és adj neki ott új jelszót: kapukulcs jelszo. Az új jelszavas mentések 2^{$factor} értéket kérnek, és bármelyik gépen kinyílnak.
err-bundle-memory = Ennek a mentésnek a jelszavához {$mib} MiB memória kell, ennyit most nem kap meg a program: {$file}
rec-bundle-memory = Zárj be más programokat, és próbáld újra, vagy nyisd ki egy több memóriájú gépen (az age programmal is lehet), és adj neki ott új jelszót: kapukulcs jelszo. Az új jelszavas mentések 2^{$factor} értéket kérnek (256 MiB).
warn-bundle-resealed = Ezt a mentést utoljára nem a kapukulcs titkosította (hanem például az age parancs), ezért a benne tárolt kulcslista nem biztos, hogy igaz: {$file}
    Ezzel a kulccsal nyílt meg: {$opener}. A következő mentés csak erre a kulcsra készül.
    { $count ->
        [one] A lista másik kulcsa kimarad belőle
       *[other] A lista másik {$count} kulcsa kimarad belőle
    }: {$keys}. Ha ezeknek is nyitniuk kell, add hozzá őket: kapukulcs kulcsok --add age1…
info-opening-slow = Ennek a mentésnek a jelszava a szokásosnál erősebb védelmet kér (2^{$factor}), ezért a kinyitás lassabb: egy átlagos gépen nagyjából {$seconds} másodperc.
err-recipient-for-passphrase = Ez a mentés jelszóval nyílik; a --recipient kapcsoló csak új mentésnél választ kulcsot: {$file}
rec-recipient-for-passphrase = Kulcsra állítás: kapukulcs kulcsok --add age1…; új jelszó: kapukulcs jelszo.
err-recipient-new = A --recipient kapcsoló csak új mentésnél választ kulcsot, és ez a kulcs nincs a mentés kulcsai között: {$value}
rec-recipient-new = Kulcs hozzáadása: kapukulcs kulcsok --add {$value}
err-not-a-recipient = Ez a kulcs nincs a mentés kulcsai között, ezért nem vehető el: {$value}
rec-not-a-recipient = A mentés kulcsait így látod: kapukulcs kulcsok. A mentés nem változott.
err-no-recipients-left = Ha minden kulcsot elveszel, semmi sem nyitná ki a mentést: {$file}
rec-no-recipients-left = Hagyj meg legalább egy kulcsot, vagy állítsd a mentést jelszóra: kapukulcs jelszo. A mentés nem változott.
help-passphrase = Új jelszót ad a mentésnek (age kulcsokkal titkosított mentést jelszavasra állít)
help-new-passphrase-file = Az új jelszó ennek a fájlnak az első sorából (szkriptekhez)
help-keys = Megmutatja vagy megváltoztatja, mely age kulcsok nyitják a mentést (jelszavas mentést kulcsosra állít)
help-keys-add = Ezt az age nyilvános kulcsot is hozzáadja (többször is megadható)
help-keys-remove = Ezt az age nyilvános kulcsot elveszi, többé nem nyitja a mentést (többször is megadható)
help-keys-yes = Nem kérdez rá, ha a mentés jelszavasról kulcsosra vagy kulcsosról jelszavasra vált, vagy ha a megadott kulcsfájlok (-i) egyike sem nyitja majd
prompt-switch-to-passphrase = A mentést eddig {$count} age kulcs nyitotta. Átállítod jelszóra? Utána ezek a kulcsok nem nyitják.
prompt-switch-to-keys = A mentés eddig jelszóval nyílt. Átállítod a megadott kulcsokra? Utána a jelszó nem nyitja.
warn-keys-none-at-hand = Figyelem: a mentés ezután csak { $count ->
        [one] ezzel a kulccsal
       *[other] ezekkel a kulcsokkal
    } nyílik: {$keys}. A most megadott kulcsfájlok (-i) egyikében sincs hozzá titkos kulcs, így ha elgépelted, vagy rossz kulcsot vettél ki a listából, senki sem tudja majd kinyitni. (Szkriptből: --yes.)
prompt-keys-none-at-hand = Biztosan megvan valakinél a titkos kulcs? Így mentsem?
info-keys-passphrase = Ez a mentés jelszóval nyílik, age kulcs nem nyitja. Kulcsra állítás: kapukulcs kulcsok --add age1…
info-keys-list = A mentést ezek az age kulcsok nyitják ({$count}):
info-keys-changed = Kész. A mentést mostantól ezek az age kulcsok nyitják ({$count}):
info-keys-unchanged = Nem változott semmi: a mentés kulcsai már ezek.
info-new-passphrase-next = Most az ÚJ jelszó jön: add meg kétszer. (A régit már nem kérem.)
info-nobody-yet = A mentésben még nincs senki. { $surface ->
        [menu] Előbb vedd fel a családtagokat: válaszd a menüben az „Új regisztráció / családtag felvétele” pontot.
       *[terminal] Előbb vedd fel a családtagokat: kapukulcs beallitas (vagy indítsd a programot parancs nélkül, és válaszd a menüben az „Új regisztráció / családtag felvétele” pontot).
    }
info-empty-bundle-saved = Elmentettem a még üres mentést ide: {$file}. Legközelebb már csak a jelszavát kérem.
info-passphrase-changed = Kész: a mentés új jelszót kapott: {$file}
info-switched-to-passphrase = Kész: a mentés mostantól jelszóval nyílik, a korábbi kulcsok nem nyitják: {$file}
info-keys-not-changed = Nem változtattam semmin.
info-old-keys-in-backup = Az előző változat megmaradt: {$backup}. Az még a régi jelszóval vagy kulcsokkal nyílik; ha azok illetéktelen kézbe kerülhettek, töröld.

## Lost or stolen phone (issue 13)
help-lost = Elveszett vagy ellopták a telefont: a törlőkódokkal egyenként megszünteti a családtagok Ügyfélkapu+-át, aztán újra regisztrál az új telefonnal
help-lost-only = Csak ezt a családtagot (többször is megadható)
help-lost-dir = A munkamappa az újraregisztráció képernyőképeinek (alapból {$dir})
menu-lost = Elveszett vagy ellopták a telefont
lost-empty = A mentésben még nincs senki, így nincs mit megszüntetni.
lost-intro =
    Elveszett vagy ellopták a telefont
    Ami most következik, és miért:
      • Minden családtag Ügyfélkapu+-át megszüntetjük a saját törlőkódjával. Ettől az elveszett telefon használhatatlan lesz: vele többé senki nem tud belépni a nevetekben.
      • Akinek nincs elmentett törlőkódja, annak a mentett kulcsával, az interneten tesszük át az Ügyfélkapu+-át az új telefonra.
      • Utána mindenki újra regisztrál az új telefonnal: új QR-kódot és új kulcsot kap, és új törlőkódot.
      • Egyszerre egy emberen megyünk végig. Minden választ azonnal elmentek; ha abba kell hagyni, legközelebb innen folytatjuk.
    A régi kulcsok és törlőkódok nem vesznek el: a mentésben megmaradnak, érvénytelenként jelölve.
    Nyomj Entert, és kezdjük.
lost-resume = Félbemaradt egy korábbi megszüntetés (elkezdve: {$date}). Még hátra van: {$names}. Onnan folytatjuk?
lost-already-done = {$name}: ezzel a korábbi futás már végzett, most kihagyom.
lost-person =
    ━━━━━━━━ {$name} ━━━━━━━━
    Ügyfélkapus felhasználónév: {$username}
lost-username-unknown = nincs feljegyezve
lost-code =
    { $who ->
        [self] A törlőkódod: {$code}
       *[other] {$name} törlőkódja: {$code}
    }

    {$big}
lost-steps =
    { $who ->
        [self] Így szüntesd meg az Ügyfélkapu+-odat:
       *[other] Így szüntesd meg {$name} Ügyfélkapu+-át:
    }
      1. Nyiss egy privát (inkognitó) böngészőablakot, és menj ide: https://ugyfelkapu.gov.hu/
      2. A bejelentkezési oldalon kattints az „ÜGYFÉLKAPU+ MEGSZÜNTETÉSE” gombra.
      3. Kövesd az oldal lépéseit. Amikor kéri, add meg { $who ->
            [self] az adataidat
           *[other] {$name} adatait
        } és a fenti törlőkódot egyben, szóközök nélkül, ahogy itt áll.
      4. Ha az oldal azt írja, hogy az Ügyfélkapu+ megszűnt, készen vagy.
    { $who ->
        [self] Legyen kéznél: az ügyfélkapus felhasználóneved ({$username}) és jelszavad, meg ez a törlőkód.
       *[other] Legyen kéznél: {$name} ügyfélkapus felhasználóneve ({$username}) és jelszava, meg ez a törlőkód.
    }
lost-ask-worked =
    { $who ->
        [self] Sikerült megszüntetni az Ügyfélkapu+-odat?
       *[other] Sikerült megszüntetni {$name} Ügyfélkapu+-át?
    }
lost-worked = Igen, sikerült
lost-failed = Nem sikerült
lost-failed-next =
    { $who ->
        [self] Semmi baj: az adataidon nem változtattam, a kulcsod továbbra is érvényesként szerepel.
       *[other] Semmi baj: {$name} adatain nem változtattam, a kulcsa továbbra is érvényesként szerepel.
    }
    Mit tehetsz:
      • { $who ->
            [self] Nézd meg, hogy pontosan ezt a törlőkódot írtad-e be, és a saját felhasználóneveddel próbáltad-e.
           *[other] Nézd meg, hogy pontosan ezt a törlőkódot írtad-e be, és {$name} felhasználónevével próbáltad-e.
        }
      • Próbáld újra egy kicsit később: a program legközelebb innen folytatja ({$next}).
      • { $who ->
            [self] Ha így sem megy, az Ügyfélkapu+ kormányablakban is megszüntethető: vidd magaddal a személyi igazolványodat (vagy az útleveledet, illetve a kártya formátumú jogosítványodat).
           *[other] Ha így sem megy, az Ügyfélkapu+ kormányablakban is megszüntethető: {$name} vigye magával a személyi igazolványát (vagy az útlevelét, illetve a kártya formátumú jogosítványát).
        }
lost-no-code =
    { $who ->
        [self] A törlőkódod nincs elmentve, és a kulcsoddal sem tudsz belépni, ezért az Ügyfélkapu+-odat csak kormányablakban lehet megszüntetni:
       *[other] {$name} törlőkódja nincs elmentve, és a kulcsával sem lehet belépni, ezért az Ügyfélkapu+-át csak kormányablakban lehet megszüntetni:
    }
      • { $who ->
            [self] Menj el személyesen egy kormányablakba. Időpontot az interneten, bejelentkezés nélkül is foglalhatsz.
           *[other] {$name} menjen el személyesen egy kormányablakba. Időpontot az interneten, bejelentkezés nélkül is lehet foglalni.
        }
      • { $who ->
            [self] Vidd magaddal a személyi igazolványodat (vagy az útleveledet, illetve a kártya formátumú jogosítványodat).
           *[other] Vigye magával a személyi igazolványát (vagy az útlevelét, illetve a kártya formátumú jogosítványát).
        }
      • { $who ->
            [self] Mondd el, hogy a telefonod elveszett, és az Ügyfélkapu+-odat szeretnéd megszüntetni; a felhasználóneved: {$username}.
           *[other] Mondja el, hogy a telefonja elveszett, és az Ügyfélkapu+-át szeretné megszüntetni; a felhasználóneve: {$username}.
        }
    Addig az elveszett telefonon lévő kulcs érvényes marad.
lost-ask-office =
    { $who ->
        [self] Megszüntették már az Ügyfélkapu+-odat a kormányablakban?
       *[other] Megszüntették már {$name} Ügyfélkapu+-át a kormányablakban?
    }
lost-office-done = Igen, megszüntették
lost-office-later = Még nem, később intézzük
lost-office-later-saved =
    { $who ->
        [self] Feljegyeztem: az Ügyfélkapu+-od megszüntetése még hátra van. Ha megvolt, így folytasd: {$next}
       *[other] Feljegyeztem: {$name} Ügyfélkapu+-ának megszüntetése még hátra van. Ha megvolt, így folytasd: {$next}
    }
lost-cancelled-saved =
    { $who ->
        [self] Elmentettem: az Ügyfélkapu+-od megszűnt ({$date}). A régi kulcsodat és törlőkódodat megőrzöm, érvénytelenként jelölve.
       *[other] Elmentettem: {$name} Ügyfélkapu+-a megszűnt ({$date}). A régi kulcsot és törlőkódot megőrzöm, érvénytelenként jelölve.
    }
lost-already-cancelled =
    { $who ->
        [self] Az Ügyfélkapu+-od már meg van szüntetve ({$date}).
       *[other] {$name} Ügyfélkapu+-a már meg van szüntetve ({$date}).
    }
lost-ask-again =
    { $who ->
        [self] Regisztrálod most újra az Ügyfélkapu+-odat az új telefonnal? (Új QR-kód, új kulcs és új törlőkód.)
       *[other] Regisztráljuk most újra {$name} Ügyfélkapu+-át az új telefonnal? (Új QR-kód, új kulcs és új törlőkód.)
    }
lost-continue =
    { $surface ->
        [menu] a menüben válaszd az „Elveszett vagy ellopták a telefont” pontot
       *[terminal] kapukulcs elveszett --only "{$name}"
    }
lost-again-later = Rendben. Később így regisztrálhatod újra: {$next}
lost-again-resume =
    { $who ->
        [self] Az új regisztrációd félbemaradt ({$step}). Folytatjuk?
       *[other] {$name} új regisztrációja félbemaradt ({$step}). Folytatjuk?
    }
lost-again-done =
    { $who ->
        [self] Újra regisztráltál: az új kulcsod és az új törlőkódod elmentve, a régiek a korábbi adataid között megmaradtak.
       *[other] {$name} újra regisztrálva: az új kulcs és az új törlőkód elmentve, a régiek a korábbi adatai között megmaradtak.
    }
lost-summary-title = Összefoglaló:
lost-summary-sheet = Nyomtass új helyreállító lapot ({ $surface ->
        [menu] a menüben: „Helyreállító lap nyomtatása”
       *[terminal] kapukulcs nyomtatas
    }), és semmisítsd meg a régit: a megszüntetett kulcsok és törlőkódok már nem érvényesek.
lost-state-cancelled = MEGSZÜNTETVE ({$date})
lost-state-pending = ELVESZETT TELEFON: még meg kell szüntetni (jelentve: {$date})
lost-state-renewed = újra regisztrálva ({$date})
lost-state-registering = új regisztráció folyamatban
lost-state-valid = érvényes
lost-online =
    { $who ->
        [self] A törlőkódod nincs elmentve, de a kulcsod megvan a mentésben. Így kormányablak nélkül, az interneten is rendbe teheted:
       *[other] {$name} törlőkódja nincs elmentve, de a kulcsa megvan a mentésben. Így kormányablak nélkül, az interneten is rendbe tehető:
    }
      1. A kulcs felkerül az új telefonra, és a program ellenőrzi a kódját.
      2. { $who ->
            [self] Belépsz vele, és az Ügyfélkapu beállításainál a „Beállítás másik eszközre” lehetőséget választod: ez új QR-kódot és új törlőkódot ad.
           *[other] Belépsz vele {$name} nevében, és az Ügyfélkapu beállításainál a „Beállítás másik eszközre” lehetőséget választod: ez új QR-kódot és új törlőkódot ad.
        }
      3. Ezen a program úgy vezet végig, mint egy regisztráción; a régi kulcs a korábbiak közé kerül.
    Hogy ez kizárja-e az elveszett telefont, azt egyik nyilvános forrás sem mondja ki. Ezért a végén megmutatom a régi kulcs mostani kódját: ha az Ügyfélkapu azt már nem fogadja el, az elveszett telefonnal nem lehet belépni.
lost-online-qr-ask = Honnan olvasod be a kulcsot az új telefonnal?
lost-online-qr-here = Mutasd itt, a terminálban a QR-kódot
lost-online-qr-sheet = A kinyomtatott helyreállító lapról olvasom be
lost-online-qr-sheet-how =
    { $who ->
        [self] A hitelesítő alkalmazásban nyomd meg a + jelet, és olvasd be a helyreállító lapon a saját oldaladon lévő QR-kódot. A bejegyzés neve: {$entry}
       *[other] A hitelesítő alkalmazásban nyomd meg a + jelet, és olvasd be a helyreállító lapon {$name} oldalán lévő QR-kódot. A bejegyzés neve: {$entry}
    }
lost-online-login =
    { $who ->
        [self] Most lépj be a kulccsal: https://ugyfelkapu.gov.hu/ → „Ügyfélkapu+ hitelesítő alkalmazással” → a felhasználóneved ({$username}), a jelszavad és a telefonon most látható kód.
       *[other] Most lépj be a kulccsal: https://ugyfelkapu.gov.hu/ → „Ügyfélkapu+ hitelesítő alkalmazással” → {$name} felhasználóneve ({$username}), jelszava és a telefonon most látható kód.
    }
lost-online-ask-login = Sikerült belépni?
lost-online-logged-in = Igen, beléptem
lost-online-refused = Nem, az oldal nem fogadja el a kódot
lost-online-later = Most nem, később folytatom
lost-online-later-saved =
    { $who ->
        [self] Feljegyeztem: a beállításod másik eszközre még hátra van. Folytatás: {$next}
       *[other] Feljegyeztem: {$name} beállítása másik eszközre még hátra van. Folytatás: {$next}
    }
lost-old-check =
    { $who ->
        [self] Végül nézzük meg, hogy az elveszett telefon ki van-e zárva. Lépj ki az Ügyfélkapuból, és próbálj belépni újra, de most a RÉGI kulcsod kódjával:
       *[other] Végül nézzük meg, hogy az elveszett telefon ki van-e zárva. Lépj ki az Ügyfélkapuból, és próbálj belépni újra {$name} nevében, de most a RÉGI kulcs kódjával:
    }
      A régi kulcs mostani kódja: {$code}   {$bar} {$seconds} mp
lost-old-check-ask = Mit mondott az Ügyfélkapu a régi kóddal?
lost-old-check-refused = Nem fogadta el: a régi kulcs már nem jó
lost-old-check-works = Beengedett: a régi kulcs még működik
lost-old-check-later = Most nem próbálom ki
lost-old-check-refused-saved = Elmentettem: a régi kulccsal már nem lehet belépni ({$date}), az elveszett telefon ki van zárva.
lost-old-check-works-saved =
    { $who ->
        [self] Elmentettem: a régi kulcsod még működik ({$date}), tehát az elveszett telefonnal még be lehet lépni a nevedben. Most már van törlőkódod: szüntesd meg vele az Ügyfélkapu+-odat, majd regisztrálj újra. A program ezzel folytatja: {$next}
       *[other] Elmentettem: {$name} régi kulcsa még működik ({$date}), tehát az elveszett telefonnal még be lehet lépni a nevében. Most már van törlőkódja: szüntesd meg vele az Ügyfélkapu+-át, majd regisztráljon újra. A program ezzel folytatja: {$next}
    }
lost-old-check-later-saved = Feljegyeztem: a régi kulcs próbája még hátra van. Folytatás: {$next}
lost-old-check-resume =
    { $who ->
        [self] A régi kulcsodat még nem próbáltad ki a beállítás másik eszközre óta.
       *[other] {$name} régi kulcsát még nem próbáltad ki a beállítás másik eszközre óta.
    }
lost-renew-intro =
    { $who ->
        [self] Új törlőkód kell: a törlőkódod elveszett, de a telefonod működik. Az Ügyfélkapu+-odat nem kell megszüntetni:
       *[other] Új törlőkód kell: {$name} törlőkódja elveszett, de a telefon működik. Az Ügyfélkapu+-át nem kell megszüntetni:
    }
      1. Belépsz a telefon kódjával, és az Ügyfélkapu beállításainál a „Beállítás másik eszközre” lehetőséget választod: ez új QR-kódot és új törlőkódot ad.
      2. Ezen a program úgy vezet végig, mint egy regisztráción; a régi kulcs a korábbiak közé kerül.
      3. A végén kipróbálod a régi kulcs kódját, hogy lásd, kizárta-e az Ügyfélkapu.
    Nyomj Entert, és kezdjük.
lost-renew-which = Kinek kell új törlőkód?
lost-state-renewed-check-pending = új eszközre állítva ({$date}); a régi kulcs próbája hátra van
lost-state-renewed-old-refused = új eszközre állítva ({$date}); a régi kulcs kizárva
warn-sheet-out-of-date =
    { $who ->
        [self] A legutóbb kinyomtatott helyreállító lap (készült: {$date}) a te adataidra már nem érvényes: nyomtass újat (kapukulcs nyomtatas), és a régit semmisítsd meg.
        [mixed] A legutóbb kinyomtatott helyreállító lap (készült: {$date}) a te adataidra, és ezekre már nem érvényes: {$names}. Nyomtass újat (kapukulcs nyomtatas), és a régit semmisítsd meg.
       *[other] A legutóbb kinyomtatott helyreállító lap (készült: {$date}) {$names} adataira már nem érvényes: nyomtass újat (kapukulcs nyomtatas), és a régit semmisítsd meg.
    }
wizard-step-1-other-device =
    1. lépés – Az Ügyfélkapu oldalán: beállítás másik eszközre
      • { $who ->
            [self] Bejelentkezve maradsz a saját fiókodban{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            }. Nyisd meg az „Ügyfélkapu beállítások” részt.
           *[other] Bejelentkezve maradsz {$name} fiókjában{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            }. Nyisd meg az „Ügyfélkapu beállítások” részt.
        }
      • Kattints a „Beállítás másik eszközre” lehetőségre.
      • Megjelenik egy új QR-kód. Figyelem! Itt állj meg: még ne olvasd be a telefonnal!
    Nyomj Entert, ha látod a QR-kódot.
wizard-family-note =
    Ha a szüleid Ügyfélkapuját is a te telefonod kezeli: a hivatalos súgó azt kéri, hogy a belépési adatokat senkinek ne add át. Hivatalos utak is vannak: EESZT-meghatalmazás (e-recept, egészségügyi adatok), az e-mailes kód mint második belépési mód, a DÁP (14 éves kortól, okostelefonnal) és az eSzemélyi. Bővebben: https://kau.gov.hu
info-sheet-not-recorded = A lapot kinyomtathatod, de azt, hogy elkészült, most nem tudtam feljegyezni a mentésbe ({$detail}); a program ezért nem fogja tudni, hogy ez a lap elavult-e.
menu-new-deletion-code = Új törlőkód kell (elveszett a törlőkód, a telefon megvan)
list-state = Állapot
card-cancelled = MEGSZÜNTETVE ({$date}): ez a kulcs már nem érvényes, ne tedd vissza telefonra.
card-history = Korábbi kulcsok: {$count} (a korabbi mappában; egyik sem érvényes).
card-former-title = Ügyfélkapu+ – {$name} – korábbi kulcs (lecserélve: {$date})
card-former-cancelled = NEM ÉRVÉNYES (megszüntetve: {$date}): ne tedd vissza telefonra.
card-former-replaced = NEM ÉRVÉNYES – egy újabb regisztráció lecserélte. Ne tedd vissza telefonra.
card-former-replaced-on = Lecserélve: {$date}
bundle-readme-history =
    KORÁBBI KULCSOK

    Ha egy családtag telefonja elveszett, és az Ügyfélkapu+-át megszüntettétek, a
    régi kulcs, a QR-kép és a törlőkód a mappájában, a „korabbi” almappában marad
    meg (kartya.txt, otpauth.txt). Ezek már nem érvényesek: ne tedd vissza őket
    telefonra.
check-cancelled =
    { $who ->
        [self] {$code}: ez a MEGSZÜNTETETT kulcsod kódja (megszüntetve: {$date}). Ezzel már nem lehet belépni: töröld ezt a bejegyzést a telefonon.
       *[other] {$code}: ez {$name} MEGSZÜNTETETT kulcsának kódja (megszüntetve: {$date}). Ezzel már nem lehet belépni: töröld ezt a bejegyzést a telefonon.
    }
check-former =
    { $who ->
        [self] {$code}: ez az egyik korábbi, már nem érvényes kulcsod kódja (lecserélve: {$date}). Ezzel már nem lehet belépni: töröld ezt a bejegyzést a telefonon.
       *[other] {$code}: ez {$name} egyik korábbi, már nem érvényes kulcsának kódja (lecserélve: {$date}). Ezzel már nem lehet belépni: töröld ezt a bejegyzést a telefonon.
    }
check-live-cancelled = megszüntetve
sheet-person-line-cancelled = {$name} – {$page}. oldal (megszüntetve)
sheet-cancelled-heading = MEGSZÜNTETVE – {$date}
sheet-cancelled-text = Ezt az Ügyfélkapu+-t megszüntették, mert a telefon elveszett vagy ellopták. A régi kulcs már nem érvényes, ezért itt nincs QR-kód és nincs kulcs: ne tedd vissza telefonra.
sheet-cancelled-key = már nem érvényes (a titkosított mentésben megvan)
sheet-cancelled-deletion = felhasználva ({$date})
sheet-cancelled-steps-heading = Mi a teendő most?
sheet-cancelled-step-1 = Regisztráld újra az Ügyfélkapu+-t az új telefonnal: kapukulcs elveszett (a menüben: „Elveszett vagy ellopták a telefont”).
sheet-cancelled-step-2 = Utána nyomtass új helyreállító lapot, és ezt a lapot semmisítsd meg.

## Plaintext outputs and secrets (issue 11)

info-plaintext-renamed = Ez a név már foglalt, azt a fájlt nem írom felül: {$taken}. Az új fájl neve: {$file}
err-plaintext-no-free-name = Ez a név és a számozott változatai is („… (2)” – „… (99)”) foglaltak, ezért nem írtam ki semmit: {$file}
err-plaintext-write = Nem sikerült írni: {$file} ({$detail}). Félig írt fájl nem maradt utána, és meglévő fájlt nem írtam felül.
rec-plaintext-no-free-name = Adj meg másik fájlnevet vagy mappát, vagy töröld a régi példányokat (azokban is titkos kulcsok lehetnek).
warn-plaintext-sheet = Figyelem: ez a PDF NINCS titkosítva, benne vannak a kulcsok és a törlőkódok: {$file}. Nyomtasd ki, aztán töröld (a Lomtárból is).
warn-plaintext-pictures = Figyelem: ezek a képek NINCSENEK titkosítva, mindegyikben egy kulcs van ({$dir}). Olvasd be őket a telefonnal, aztán töröld őket (a Lomtárból is).
err-deletion-code-on-command-line = A törlőkódot nem fogadom el a parancssorban: ott más programok is látják, amíg a kapukulcs fut, és a parancsértelmező előzményei (history) megőrzik.
rec-deletion-code-on-command-line = Írd így: --deletion-code - és add a kódot a szabványos bemenetre (például egy fájlból: … --deletion-code - < torlokod.txt), vagy hagyd el, és a kapukulcs beallitas megkérdezi. A most beírt sort töröld a parancsértelmező előzményeiből (bash: history -d SZÁM).
err-stdin-no-deletion-code = A --deletion-code - szerint a törlőkód a szabványos bemeneten van, de ott nincs (kulccsal vagy címmel együtt annak a következő sorában kell lennie).
rec-stdin-no-deletion-code = Írd a törlőkódot a szabványos bemenet egy saját sorába, vagy hagyd el a --deletion-code kapcsolót.

## The person's run (issue 12)
wizard-self-name = Én
wizard-watching-clipboard = A vágólapra másolt képet is átveszem (például a Képmetszőből).
wizard-watching-screenshots = A rendszer képernyőkép-mappájába mentett új képet is átveszem: {$folder}
wizard-key-look-alike = A kulcs {$position}. karakterénél ezt írtad: {$typed}. Ilyen a kulcsokban nem fordul elő, ezért {$meant} betűnek vettem.
wizard-key-typos = A beírt karaktersor majdnem ugyanaz, mint a QR-kódban lévő kulcs, csak elírás van benne:
wizard-key-typo-wrong = • A kulcs {$position}. karakterénél ezt írtad: {$typed}, a QR-kódban viszont ez áll: {$expected}
wizard-key-typo-missing = • A kulcs {$position}. karaktere kimaradt (a QR-kódban ez áll: {$expected}).
wizard-key-typo-extra = • A beírt karaktersor {$position}. karaktere fölösleges: {$typed}
wizard-key-typo-again = Javítsd ki, és írd be újra. Új képernyőkép nem kell: a QR-kód jó.
wizard-terminal-qr-ask = Megmutassam a QR-kódot itt, a terminálban is, hogy a telefon innen olvassa be?
wizard-terminal-qr = Olvasd be ezt a QR-kódot a telefonnal. A bejegyzés neve már benne van: {$entry}
wizard-step-4-ready = Nyomj Entert, ha a telefon már mutatja a 6 jegyű kódot.
wizard-terminal-qr-cleared = A QR-kódot letöröltem a képernyőről.
wizard-sheet-ask = Elkészítsem a kinyomtatható helyreállító lapot (PDF)? A kulcsokat és a törlőkódokat titkosítatlanul tartalmazza.
wizard-sheet-skipped = Nem készült lap. { $surface ->
        [menu] Később a menüben nyomtathatod ki: „Helyreállító lap nyomtatása”.
       *[terminal] Később így nyomtathatod ki: kapukulcs nyomtatas
    }
wizard-sheet-failed = A helyreállító lapot nem sikerült elkészíteni: {$file}
wizard-sheet-open-ask = Megnyissam a PDF-nézőben, hogy kinyomtathasd?
wizard-sheet-open-failed = Nem sikerült megnyitni a PDF fájlt: a rendszer nem indított el hozzá nézőprogramot. Nyisd meg kézzel (például dupla kattintással a fájlkezelőben), itt van: {$file}
wizard-sheet-printed-ask = Sikerült kinyomtatni a lapot?
wizard-sheet-delete-ask = Törlöm a PDF fájlt? Titkokat tartalmaz; a kinyomtatott lap és a titkosított mentés elég.
wizard-sheet-deleted = A PDF fájlt töröltem: {$file}
wizard-sheet-kept = A PDF fájl itt maradt: {$file}. Ha kinyomtattad, töröld: titkokat tartalmaz.
wizard-delete-failed = Nem sikerült törölni: {$file} ({$detail})
wizard-pictures-list = Ezek a képek titkosítatlanul tartalmazzák a kulcsokat (a mentésben már benne vannak):
wizard-clipboard-clear-ask = A QR-kód képe a vágólapon is ott lehet. Törlöm a vágólapot?
wizard-clipboard-cleared = A vágólapot töröltem.
wizard-clipboard-clear-failed = A vágólapot nem sikerült törölni ({$detail}). Másolj rá valami mást.
wizard-clipboard-file-name = vágólap.png

## What the system said about a file, in words (i18n::io_detail).
io-not-found = nincs ilyen fájl vagy mappa
io-permission-denied = nincs hozzá jogosultság
io-already-exists = már létezik
io-storage-full = megtelt a lemez
io-quota-exceeded = elfogyott a tárhelykeret
io-read-only = a meghajtó csak olvasható
io-is-a-directory = ez egy mappa, nem fájl
io-not-a-directory = az útvonal egyik része nem mappa
io-directory-not-empty = a mappa nem üres
io-invalid-filename = a fájlnév érvénytelen (túl hosszú, vagy nem engedett jelet tartalmaz)
io-file-too-large = a fájl túl nagy
io-busy = egy másik program éppen használja
io-too-many-links = túl sok egymásra mutató hivatkozás (szimbolikus link)
io-unexpected-end = a fájl váratlanul véget ért
io-invalid-data = a tartalma hibás
io-broken-pipe = a túloldal lezárta a kapcsolatot
io-interrupted = megszakadt
io-timed-out = lejárt a várakozási idő
io-out-of-memory = elfogyott a memória
io-unsupported = ezen a rendszeren nem lehetséges
io-crosses-devices = másik meghajtóra így nem lehet áthelyezni
io-other = a rendszer hibát jelzett (hibakód: {$code})

interrupt-saved = Megszakítva. Ami eddig elkészült, el van mentve ({$file}):
interrupt-unsaved =
    { $who ->
        [self] A saját adataidból még semmit nem mentettem: a következő indításkor veled az elejéről kezdjük.
       *[other] {$name} adataiból még semmit nem mentettem: a következő indításkor vele az elejéről kezdjük.
    }
interrupt-next-run =
    { $surface ->
        [menu] A következő indításkor innen folytatjuk: válaszd a menüben az „Új regisztráció / családtag felvétele” pontot.
       *[terminal] A következő indításkor innen folytatjuk: kapukulcs beallitas
    }
interrupt-menu = Kiléptél. Minden, amit eddig megadtál, el van mentve ({$file}); a következő indításkor innen folytatjuk.
tour-intro = Bemutató egy kitalált családdal (Én, Mama, Papa). A kulcsok kitaláltak, semmit nem mentek el, és valódi fiókhoz sem nyúlok. Ezt mutatja a „Kik vannak a mentésben?” pont:
tour-list =
    Minden családtag egy sor: a felhasználónév, mikor ellenőriztük utoljára a telefon kódját, és hogy megvan-e a törlőkód.
    Nyomj Entert a folytatáshoz.
tour-qr = Így mutatja meg a program egy családtag QR-kódját, ha a telefonnak újra be kell olvasnia (például új vagy javított telefonon, a „Visszaállítás új vagy javított telefonra” pontban). A bejegyzés neve benne van: {$entry}
tour-qr-next =
    Egy valódi kulcsot a program a beolvasás után letöröl a képernyőről; ezt is letörlöm.
    Nyomj Entert a folytatáshoz.
tour-check = Melyik kód kié? Ezt tudja a „Melyik kód kié?” pont. {$name} mostani kódja: {$code}. Írd be (vagy egy másikat a fenti listából, akár egy számjegyet elírva), és megmondom, kié.
tour-end = A bemutató véget ért. A valódi családtagokat az „Új regisztráció / családtag felvétele” ponttal veheted fel. (Egy bemutató mentést, lapot és képeket fájlokba a parancssorból írhatsz: kapukulcs demo.)
