"""Sentence splitting: sentences quoted from the seeds in each language, numbers, abbreviations."""

from __future__ import annotations

import pytest

from reader.text.sentences import SentenceSpan, split_sentences
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_RU, SEED_SV

SEEDS = {"es": SEED_ES, "en": SEED_EN, "sv": SEED_SV, "ru": SEED_RU, "nb": SEED_NB}

# Consecutive sentences of one seed paragraph, split by hand.
SEED_SENTENCES = [
    pytest.param(
        "es",
        [
            ("Conferencia para evaluar los resultados de 9 meses de trabajo y acordar las "
             "tareas del Comité Provincial del Partido para los últimos 3 meses de 2025."),
            ("Resultados de la implementación de la Resolución n.º 18-NQ/TW, de 25 de "
             "octubre de 2017, del XIII Comité Central del Partido, sobre diversos temas "
             "para continuar innovando y reorganizando el aparato del sistema político "
             "para que sea más eficiente, eficaz y eficiente."),
            ("Resultados de la implementación del modelo de gobierno local de dos niveles "
             "desde el 1 de julio de 2025 hasta la fecha."),
        ],
        id="es: n.º 18-NQ/TW and XIII stay inside their sentence",
    ),
    pytest.param(
        "es",
        [
            ("El producto total en la provincia (GRDP) en los primeros 9 meses aumentó un "
             "6,52%."),
            ("La facturación total de importación y exportación alcanzó más de 1.299 "
             "millones de dólares, un aumento del 77% con respecto al mismo período del "
             "año anterior, superando el 45% del plan, superando el 28% en comparación con"
             " el escenario de crecimiento."),
        ],
        id="es: 6,52% and 1.299 do not split",
    ),
    pytest.param(
        "es",
        [
            ("En la conferencia, los delegados participaron en debates y aportaron "
             "numerosas ideas prácticas, aclarando diversas dificultades y obstáculos para"
             " concretar e implementar objetivos y tareas clave para 2025: el desembolso "
             "de capital público sigue siendo lento; las deficiencias en la limpieza de "
             "terrenos y la organización de la construcción de varios proyectos de gran "
             "envergadura, especialmente los proyectos en los que invierten las comunas; "
             "el personal, las instalaciones, las sedes y los equipos de muchas comunas y "
             "distritos tras la fusión no han cumplido con los requisitos; la dificultad "
             "de organizar y asignar funcionarios a nivel comunal, la elaboración de "
             "escenarios de crecimiento y la superación de las consecuencias de las "
             "inundaciones..."),
            ("A partir de ahí, se proponen soluciones para eliminar obstáculos y mejorar "
             "la eficacia de todos los aspectos del trabajo en el futuro."),
        ],
        id="es: an ellipsis before a capital ends a sentence",
    ),
    pytest.param(
        "es",
        [
            ("Centrarse en la construcción y la rectificación del Partido y de un sistema "
             "político limpio y sólido; en los asuntos internos, y en la prevención y el "
             "combate a la corrupción, el despilfarro y la negatividad."),
            "Acelerar la implementación de la \"Educación Digital para el Pueblo\"...",
        ],
        id="es: a closing quote and an ellipsis end the paragraph",
    ),
    pytest.param(
        "en",
        [
            ("Results of implementing Resolution No. 18-NQ/TW, dated October 25, 2017 of "
             "the 13th Party Central Committee on a number of issues on continuing to "
             "innovate and reorganize the apparatus of the political system to be "
             "streamlined, effective and efficient."),
            ("Results of implementing the 2-level local government model from July 1, 2025"
             " to present."),
        ],
        id="en: No. 18 does not end a sentence",
    ),
    pytest.param(
        "en",
        [
            ("The province's socio -economic situation continues to develop stably, "
             "achieving many positive results in all fields."),
            ("The total product in the province (GRDP) in the first 9 months increased by "
             "6.52%."),
            ("Total import-export turnover reached over 1,299 million USD, an increase of "
             "77% over the same period last year, exceeding 45% of the plan, exceeding 28%"
             " compared to the growth scenario."),
        ],
        id="en: 6.52% and 1,299 do not split",
    ),
    pytest.param(
        "en",
        [
            ("The staff, facilities, headquarters, and equipment in many communes and "
             "wards after the merger have not met the requirements; the problem of "
             "arranging and assigning commune-level officials, building growth scenarios, "
             "overcoming the consequences of floods..."),
            ("From there, propose solutions to remove obstacles and improve the "
             "effectiveness of all aspects of work in the coming time."),
        ],
        id="en: floods... From there: the ellipsis ends the sentence",
    ),
    pytest.param(
        "en",
        [
            ("Focus on the work of building and rectifying the Party and a clean and "
             "strong political system; internal affairs and preventing and combating "
             "corruption, waste, and negativity."),
            "Step up the implementation of \"Digital Education for the People\"...",
        ],
        id="en: a closing quote and an ellipsis end the paragraph",
    ),
    pytest.param(
        "sv",
        [
            ("Vid konferensen deltog medlemmar av den provinsiella partikommittén; "
             "representanter från följande avdelningar: det centrala partikontoret, den "
             "centrala organisationsavdelningen, den centrala propaganda- och "
             "massmobiliseringsavdelningen, den centrala inrikesavdelningen, den centrala "
             "inspektionskommittén , den centrala policy- och strategiavdelningen; chefer "
             "för provinsiella avdelningar, myndigheter och organisationer; representanter"
             " från myndigheter som är verksamma i provinsen; sekreterare för kommun- och "
             "distriktspartikommittéer; och medlemmar av den provinsiella partikommitténs "
             "inspektionskommitté…"),
        ],
        id="sv: a paragraph ending with … is one sentence",
    ),
    pytest.param(
        "sv",
        [
            ("Provinsens ekonomi fortsatte att växa och nådde 8,2 %, vilket översteg det "
             "uppsatta målet (8 %)."),
            ("Mer specifikt ökade industri och byggsektorn med 11,78 %, tjänstesektorn med"
             " 7,2 % och jordbruk, skogsbruk och fiske med 4,9 %."),
            ("Den genomsnittliga BNP per capita nådde 65,5 miljoner VND, vilket översteg "
             "målet med 11,4 % och ökade med 2,9 miljoner VND jämfört med 2024."),
        ],
        id="sv: 8,2 % and (8 %). keep their sentences whole",
    ),
    pytest.param(
        "sv",
        [
            ("Industrin fortsatte att upprätthålla hög tillväxt, med ett uppskattat "
             "produktionsvärde på 9 503 miljarder VND; ytterligare nio vattenkraftverk "
             "färdigställdes, vilket ökade provinsens totala kapacitet till 3 230 MW."),
            ("Handel, tjänster och turism återhämtade sig kraftigt; den totala "
             "detaljhandelsförsäljningen av varor nådde över 10 200 miljarder VND; "
             "provinsen välkomnade 1,47 miljoner turister, vilket genererade intäkter på "
             "över 1 205 miljarder VND."),
            ("De lokala budgetintäkterna nådde 17 312 miljarder VND, vilket översteg "
             "statens mål med 45 %."),
        ],
        id="sv: 9 503 and 3 230 group digits with a space",
    ),
    pytest.param(
        "sv",
        [
            ("Särskild uppmärksamhet bör ägnas åt att säkerställa en smidig övergång i "
             "tillämpningen av bestämmelser för att underlätta ett flexibelt och effektivt"
             " genomförande."),
            ("Fokusera på att genomföra den provinsiella planeringen och utveckla "
             "planering för kommuner och valkretsar i enlighet med den tvådelade lokala "
             "förvaltningsstrukturen..."),
        ],
        id="sv: a final ellipsis",
    ),
    pytest.param(
        "ru",
        [
            ("Утром 14 января Исполнительный комитет партии провинции Бакзянг провел "
             "конференцию, на которой были подведены итоги работы по руководству "
             "провинциальным комитетом партии за 2024 год и определены задачи на 2025 год."),
            ("Конференцию возглавили товарищи: Нгуен Ван Гау — член Центрального комитета "
             "партии, секретарь провинциального комитета партии; Нгуен Тхи Хыонг — "
             "постоянный заместитель секретаря провинциального комитета партии, "
             "председатель провинциального народного совета; Нгуен Вьет Оань — заместитель"
             " секретаря провинциального комитета партии, председатель провинциального "
             "народного комитета."),
        ],
        id="ru: a sentence break after a year, names and dashes inside",
    ),
    pytest.param(
        "ru",
        [
            ("Управление и воспитание кадров, государственных служащих и работников "
             "бюджетной сферы оставляют желать лучшего, всё ещё существуют ситуации, когда"
             " некоторые кадры и государственные служащие нарушают закон, подвергаются "
             "дисциплинарным взысканиям и уголовным преследованиям; менталитет и идеология"
             " ряда кадров и членов партии основаны на страхе ошибиться, уклонении от "
             "ответственности и избегании ответственности при исполнении общественных "
             "обязанностей; ..."),
            ("Это вопросы, которые конференция должна честно выявить, проанализировать и "
             "прояснить, чтобы найти более эффективные решения для преодоления в 2025 году"
             " и в последующие годы."),
        ],
        id="ru: '; ...' before a capital ends a sentence",
    ),
    pytest.param(
        "ru",
        [
            ("Индекс конкурентоспособности провинции (ИПК) занял 4-е место в стране; "
             "привлечение инвестиций достигло более 2,04 млрд долларов США в "
             "конвертированном капитале, из которых привлечение прямых иностранных "
             "инвестиций заняло 10-е место в стране."),
            ("Доходы бюджета достигли весьма выдающихся результатов: общий годовой доход "
             "составил 20 699,5 млрд донгов, что на 32,2% превышает оценку центрального "
             "правительства и на 28,8% оценку Народного совета провинции."),
        ],
        id="ru: 2,04 млрд and 20 699,5 млрд do not split",
    ),
    pytest.param(
        "ru",
        [
            ("Областной партийный комитет наградил флагами 5 низовых партийных организаций"
             " и почетными грамотами 4 низовым партийным организациям, 1 партийной ячейке,"
             " 19 партийным ячейкам при низовом партийном комитете и 34 членам партии, "
             "которые в течение 5 лет подряд (2020–2024 гг.) достигли норматива «Отличное "
             "выполнение заданий»."),
        ],
        id="ru: гг.) before a lower-case word; the closing » stays",
    ),
    pytest.param(
        "nb",
        [
            ("Lemannen for den provinsielle folkekomiteen, Le Thanh Do, presenterte en "
             "rapport om implementeringen av resolusjon nr. 11-NQ/TW fra politbyrået i "
             "provinsen; retninger og oppgaver i den kommende tiden."),
        ],
        id="nb: nr. 11-NQ/TW does not end a sentence",
    ),
    pytest.param(
        "nb",
        [
            ("Delegatene som deltok på konferansen fokuserte på å diskutere, analysere og "
             "evaluere implementeringen av resolusjon nr. 11-NQ/TW; de påpekte "
             "vanskeligheter, hindringer og begrensninger i implementeringsprosessen."),
            ("Samtidig foreslo de konkrete retninger og løsninger for å implementere "
             "resolusjonen i tiden som kommer."),
        ],
        id="nb: two sentences after nr. 11-NQ/TW",
    ),
    pytest.param(
        "nb",
        [
            ("Basert på styringskomiteens arbeidsreglement gir den provinsielle "
             "folkekomiteen proaktivt råd om og utvikler styringskomiteens handlingsplan "
             "for 2024 og et spesifikt arbeidsprogram mellom styringskomiteens to møter "
             "som grunnlag for å overvåke og evaluere implementeringseffektiviteten, med "
             "ferdigstillelsestid før 31. desember 2023."),
            ("Rådgiver raskt etableringen av et provinsielt koordineringsteam for å utføre"
             " oppgavene med å koordinere utviklingen av regionen Northern Midlands and "
             "Mountains; fokuserer på å akselerere implementeringen av "
             "trafikkveiprosjektet som forbinder viktige økonomiske soner i den dynamiske "
             "økonomiske regionen langs riksvei 279 og riksvei 12, med mål om å fullføre "
             "før 31. desember 2024; foreslår å investere i byggeprosjektet Son La - Dien "
             "Bien Expressway - Tay Trang International Border Gate fase 1."),
        ],
        id="nb: 31. desember 2023. ends a sentence, the day's full stop does not",
    ),
    pytest.param(
        "nb",
        [
            ("I avslutningen av konferansen bekreftet Tran Quoc Cuong, leder av "
             "styringskomiteen, at politbyråets resolusjon nr. 11-NQ/TW har en svært "
             "viktig politisk betydning."),
            ("Målet innen 2023 er at den nordlige Midlands- og fjellregionen skal være en "
             "region med grønn, bærekraftig og omfattende utvikling."),
        ],
        id="nb: politbyråets resolusjon nr. 11-NQ/TW",
    ),
]


def _sentences(text: str, language: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text, language)]


@pytest.mark.parametrize(("language", "sentences"), SEED_SENTENCES)
def test_seed_sentences(language: str, sentences: list[str]) -> None:
    paragraph = " ".join(sentences)
    assert paragraph in SEEDS[language].read_text(encoding="utf-8")  # quoted, not made up
    assert _sentences(paragraph, language) == sentences


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "La facturación alcanzó más de 1.299 millones de dólares."),
        ("es", "El PIB aumentó un 6,52% en los primeros 9 meses."),
        ("ru", "Общий годовой доход составил 20 699,5 млрд донгов."),
        ("sv", "Ekonomin växte med 8,2 % och produktionen nådde 9 503 miljarder VND."),
        ("en", "Resolution No. 18-NQ/TW was adopted on 25.10.2017 by the 12.5 % majority."),
        ("es", "La Resolución n.º 18-NQ/TW, de 25 de octubre de 2017, del 12.º mandato."),
        ("sv", "Provinsen har bl.a. Lai Chau och Dien Bien som grannar."),
        ("nb", "Provinsen har f.eks. Son La og Dien Bien som naboer."),
        ("sv", "Beslutet gäller nr. 5 i listan."),
        ("nb", "Resolusjon Nr. 11-NQ/TW ble vedtatt."),
        ("ru", "Решение, т. е. Постановление № 18, принято."),
        ("ru", "Встреча прошла в г. Москве и в г. Ханое."),
        ("ru", "Экспорт достиг 60 млрд долл. США за год."),
        ("nb", "Visesekretær Mua A. Son ledet konferansen."),
        ("en", "Comrade Nguyen V. Gau and Dr. Le chaired it."),
        ("ru", "Конференцию провёл Н. В. Гау."),
    ],
)
def test_numbers_and_abbreviations_do_not_end_a_sentence(language: str, text: str) -> None:
    assert _sentences(text, language) == [text]


@pytest.mark.parametrize(
    ("language", "text", "sentences"),
    [
        ("ru", "Рост составил 6,5% в 2024 г. В 2025 г. ожидается больше.",
         ["Рост составил 6,5% в 2024 г.", "В 2025 г. ожидается больше."]),
        ("en", "The answer was no. 5 delegates left.", ["The answer was no.", "5 delegates left."]),
        ("es", "Aumentó un 77%. 56 unidades se reorganizaron.",
         ["Aumentó un 77%.", "56 unidades se reorganizaron."]),
        ("en", "Growth slowed... and then recovered.", ["Growth slowed... and then recovered."]),
        ("es", "Creció… y siguió creciendo. Luego paró.",
         ["Creció… y siguió creciendo.", "Luego paró."]),
        ("sv", "Målet var 8 %… Resultatet blev 8,2 %.",
         ["Målet var 8 %…", "Resultatet blev 8,2 %."]),
        ("ru", "Он сказал: «Мы справимся.» Затем ушёл.",
         ["Он сказал: «Мы справимся.»", "Затем ушёл."]),
        ("en", 'He said: "We will finish by 2025." Then he left.',
         ['He said: "We will finish by 2025."', "Then he left."]),
        ("es", "¿Se cumplirá el plan? «Sí», dijo. ¡Adelante!",
         ["¿Se cumplirá el plan?", "«Sí», dijo.", "¡Adelante!"]),
        ("en", "(The plan was approved.) Work begins.",
         ["(The plan was approved.)", "Work begins."]),
    ],
)
def test_sentence_boundaries(language: str, text: str, sentences: list[str]) -> None:
    assert _sentences(text, language) == sentences


def test_other_languages_get_a_sane_default() -> None:
    assert _sentences("Am 3. Oktober 2024 wurde gefeiert. Das war gut.", "de") == [
        "Am 3. Oktober 2024 wurde gefeiert.", "Das war gut."
    ]
    assert _sentences("Dr. Nguyen arrived. Prof. Le left.", "vi") == [
        "Dr. Nguyen arrived.", "Prof. Le left."
    ]
    assert _sentences("会议召开了。发展很好！", "zh") == ["会议召开了。", "发展很好！"]


def test_spans_are_trimmed_and_shifted_by_the_offset() -> None:
    text = "  First one.   Second one.  "
    spans = split_sentences(text, "en", offset=100)
    assert spans == [SentenceSpan(102, 112), SentenceSpan(115, 126)]


def test_text_without_sentence_marks_is_one_sentence() -> None:
    heading = "Достичь позитивных, комплексных результатов во всех областях"
    assert _sentences(heading, "ru") == [heading]
    assert split_sentences("   ", "en") == []
