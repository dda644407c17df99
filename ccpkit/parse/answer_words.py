"""The words question banks label an answer (or its options) with, in the languages they are written in:
one list for answer lines, answer columns, answer headings and the summaries of collapsed answers."""

from ccpkit.regex import regex

ANSWER_ABROAD = (
    r"(?:(?:richtige|korrekte|bonne|la\s+bonne)\s+)?"
    r"(?:respostas?|respuestas?|resp\.|r[ée]ponses?|rispost[ae]|antwort(?:en)?|l[öo]sung(?:en)?|gabarito"
    r"|solu[çc][ãa]o|soluci[óo]n|soluzione|alternativa(?=\s+corret)|(?:kunci\s+)?jawaban(?:\s+benar)?"
    r"|(?:правильный\s+)?ответы?|(?:正确)?答案|正解|解答|答え|정답|답|đáp\s+án(?:\s+đúng)?"
    r"|(?:poprawna\s+|prawid[łl]owa\s+)?odpowied[źz]|(?:правильна\s+)?відповідь"
    r"|(?:do[ğg]ru\s+)?(?:cevap|yan[\u0131i]t)"
    r"|(?:پاسخ|جواب)(?:\s+(?:صحیح|درست))?|(?:الإجابة|الاجابة|الجواب)(?:\s+الصحيحة|\s+الصحيح)?|(?:सही\s+)?उत्तर"
    r"|(?:সঠিক\s+)?উত্তর|(?:σωστή\s+)?απάντηση|(?:правилен\s+)?отговор|(?:тачан\s+)?одговор"
    r"|(?:juiste\s+)?antwoord(?:en)?|(?:spr[áa]vn[áa]\s+)?odpov[ěe][ďd]|(?:r[äa]tt\s+|riktig\s+)?svar"
    r"|(?:[õo]ige\s+)?vastus|(?:oikea\s+)?vastaus|(?:pareiz[āa]\s+)?atbilde|r[ăa]spuns(?:\s+corect)?"
    r"|(?:helyes\s+)?v[áa]lasz|(?:to[čc]an\s+)?odgovor"
    r"|(?:teisingas\s+)?atsakymas|jibu|sagot|jawapan|คำตอบ(?:ที่ถูกต้อง)?|เฉลย|(?:ה)?תשובה(?:\s+נכונה)?)(?:\(s\))?"
    r"(?:\s+(?:corretas?|corret+[ae]|correctas?|correctes?|certas?|esatt[ae]|exactas?)(?:\(s\))?)?"
)
""""Answer" as Portuguese, Spanish, French, Italian, German, Indonesian, Russian, Polish, Ukrainian,
Turkish, Persian, Arabic, Hindi, Bengali, Greek, Bulgarian, Serbian, Croatian, Dutch, Czech, Slovak,
Swedish, Norwegian, Finnish, Estonian, Latvian, Romanian, Hungarian, Lithuanian, Swahili, Filipino,
Malay, Thai, Hebrew, Chinese, Japanese, Korean and Vietnamese question banks write it (``Resposta:
A``, ``Respuesta correcta: B``, ``Bonne réponse : D``, ``Jawaban: B``, ``Ответ: A``, ``Odpowiedź: B``,
``Відповідь: B``, ``Doğru cevap: C``, ``پاسخ صحیح: 4``, ``الإجابة الصحيحة: ب``, ``उत्तर: A``, ``উত্তর:
B``, ``Απάντηση: Γ``, ``Отговор: Б``, ``答案`` or ``正解`` and a full-width colon, ``정답: B``, ``Đáp án:
B``, ``Juiste antwoord: B``, ``Rätt svar: C``, ``เฉลย: ข``), one or several (``Réponse(s) correcte(s) : A,
C``)."""

_OPTIONS_LABEL = regex(
    r"(?i)(?:(?:answer\s+)?(?:options?|choices?|alternativas|opciones|opções|选项|選項|選択肢|보기|варианты(?:\s+ответов?)?)"
    r"|select\s+one(?:\s+or\s+more)?)\s*[:\uff1a]?"
)
"""``Options``, ``Answer choices:``, ``Opções:``, ``选项``, Moodle's ``Select one:``: what labels a
question's options, a heading or a line of its own over them."""


def labels_options(text: str) -> bool:
    """``**Opções:**``, ``Options:``, ``### Choices``: a line (or a heading's words) naming the options
    below it."""
    return _OPTIONS_LABEL.fullmatch(_HEADING_MARKS.sub("", text).strip().strip("*_").strip()) is not None


_HEADING_MARKS = regex(r"^[ \t]*#{1,6}[ \t]+")
