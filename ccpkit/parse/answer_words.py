"""The words question banks label an answer with, in the languages they are written in: one list for
answer lines, answer columns, answer headings and the summaries of collapsed answers."""

ANSWER_ABROAD = (
    r"(?:(?:richtige|bonne|la\s+bonne)\s+)?"
    r"(?:respostas?|respuestas?|resp\.|r[ée]ponses?|rispost[ae]|antwort(?:en)?|l[öo]sung(?:en)?|gabarito"
    r"|solu[çc][ãa]o|soluci[óo]n|soluzione|alternativa(?=\s+corret)|(?:kunci\s+)?jawaban(?:\s+benar)?"
    r"|(?:правильный\s+)?ответы?|(?:正确)?答案|正解|解答|答え|정답|답|đáp\s+án(?:\s+đúng)?"
    r"|(?:poprawna\s+|prawid[łl]owa\s+)?odpowied[źz]|(?:правильна\s+)?відповідь"
    r"|(?:do[ğg]ru\s+)?(?:cevap|yan[\u0131i]t)"
    r"|(?:پاسخ|جواب)(?:\s+(?:صحیح|درست))?|(?:الإجابة|الاجابة|الجواب)(?:\s+الصحيحة|\s+الصحيح)?|(?:सही\s+)?उत्तर"
    r"|(?:সঠিক\s+)?উত্তর|(?:σωστή\s+)?απάντηση|(?:правилен\s+)?отговор|(?:тачан\s+)?одговор)"
    r"(?:\s+(?:corretas?|corret+[ae]|correctas?|correctes?|certas?))?"
)
""""Answer" as Portuguese, Spanish, French, Italian, German, Indonesian, Russian, Polish, Ukrainian,
Turkish, Persian, Arabic, Hindi, Bengali, Greek, Bulgarian, Serbian, Chinese, Japanese, Korean and
Vietnamese question banks write it (``Resposta: A``, ``Respuesta correcta: B``, ``Bonne réponse : D``,
``Jawaban: B``, ``Ответ: A``, ``Odpowiedź: B``, ``Відповідь: B``, ``Doğru cevap: C``, ``پاسخ صحیح: 4``,
``الإجابة الصحيحة: ب``, ``उत्तर: A``, ``উত্তর: B``, ``Απάντηση: Γ``, ``Отговор: Б``, ``答案`` or ``正解``
and a full-width colon, ``정답: B``, ``Đáp án: B``)."""
