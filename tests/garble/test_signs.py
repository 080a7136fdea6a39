"""Structural signs: each fires on a sentence of its kind and stays quiet on ordinary news English."""

from __future__ import annotations

import pytest

from mtfix.garble.signs import analyse, hashed_ngrams, other_script, view
from mtfix.garble.tagger import load, tokenize


def names(text: str) -> set[str]:
    return {s.name for s in analyse(text, load()).signs}


@pytest.mark.parametrize(("text", "sign"), [
    ("The governor on Tuesday in the northern district arrived.", "verb_final"),
    ("The delegation of the ministry in Baku on 17 September spoke.", "verb_final"),
    ("The delegation of the ministry in Baku on 17 September said.", "verb_final"),
    ("The spokesman stated that the bridge will reopen next week, he said.", "dup_reporting"),
    ("Them said that the prices would fall.", "case_role"),
    ("The delegation met the mayor of Баку and discussed the roads.", "other_script"),
    ("The new rules for farmers in the southern provinces of the country.", "no_finite"),
    ("The rose garden of the palace in the old town of the city.", "no_finite"),  # "rose" after no noun
    ("The talks were held in Baku according to.", "stranded_adposition"),  # "to" is no particle
    # session 12: a postposition still ends its phrase before a colon, comma or full stop
    ("The agreement was signed in Tbilisi according to:", "stranded_adposition"),
    ("The minister was born 1968 in.", "stranded_adposition"),
    # session 10: a word in another script that is part of the sentence stays untranslated
    ('The minister said that "Ամեն" was the answer of the villagers.', "other_script"),
    ("The delegation met the mayor (of Баку) and discussed the roads.", "other_script"),
    # session 10: a plural noun after a noun is no verb when nothing like one follows it
    ("The hotel costs of the region and the prices of the city.", "no_finite"),
    # session 12: a noun opening a headline is no imperative
    ("Export of cotton and grain to the countries of the region last year.", "no_finite"),
    ("Decision of the council of the ministry of the region: closure of the roads.", "no_finite"),
    # session 11: a reporting verb left over at the end still counts, and a word after a parenthesis
    # that is no verb form leaves the fragment verbless
    ("The minister noted that the bridge would reopen in May, he said.", "dup_reporting"),
    ("Officials attended the meeting they noted the importance of the new road.", "splice"),
    ("Officials were discussing the plan they signed the agreement on the new road.", "splice"),
    ("The new programme of the Ministry of Education (MoE), support for rural schools in the south.",
     "no_finite"),
    # a noun whose "-ed" form is no everyday word stays a noun before a determiner
    ("The ministry's new strategy, development the regions of the country and of its villages.", "no_finite"),
    # session 22: an irregular verb's "-s" form read as a noun is a verb only after its subject, not after "of"
    # or a determiner, nor before "of"
    ("The protection of Caucasus bears of the region and of their habitat in the mountains.", "no_finite"),
    ("The list of sits and stands of the party on the question of the land.", "no_finite"),
])
def test_sign_fires(text, sign):
    assert sign in names(text)


@pytest.mark.parametrize("text", [
    "The governor arrived in the northern district on Tuesday.",
    "The talks ended, officials said.",
    "The bridge was opened in May.",
    "He said he would go if he wanted to, but he did not.",
    "Prices rose by 4 percent in March, the statistics office reported on Friday.",
    "It was the hottest day in the city since records began.",
    "The savings drive organised by the Caspian Environmental Fund ended.",
    "The talks stalled until the observers in the relay arrived.",
    "What do the farmers in Kazakhstan grow?",
    # session 9: imperatives, clauses without "that", particles, "before" as an adverb, right node raising
    "Follow the agency on X at @Refugees and use the hashtag #WithRefugees.",
    "To install the package, run pip install mtfix in a virtual environment.",
    "Thompson said he had thought he had won.",
    # session 13: a progressive that takes a clause without "that" (dialogue)
    "One minute he's telling me I'm the only girl in the villa for him.",
    "I'm not saying it's your fault, but you were there when it happened.",
    '"We have held on, and we will hold on," he said.',
    '"We have heard promises before," one farmer said.',
    "The controller shall be responsible for, and be able to demonstrate compliance with, these principles.",
    # a simple past the tagger reads as a noun or an adverb ("rose"/NN, "fell"/RB)
    "Prices of wheat and barley rose.",
    "Salaries in the mining sector fell.",
    # session 10: the original of a name given for reference, and present tenses read as nouns
    '"Amen" (in Armenian, "Ամեն"), which follows three generations of women, was praised by the jury.',
    'A sign reading "Добро пожаловать" (Welcome) still hangs above the entrance of the station.',
    'The newspaper "Вечерний Бишкек" (Evening Bishkek) is among the oldest papers still printed there.',
    "A night in a mid-range hotel costs about 700,000 som in the old city.",
    "Remittances from migrant workers, most of them in Russia, account for about a fifth of the economy.",
    "A bottle of Saperavi, the country's best-known red grape, sells for between 15 and 60 lari in shops.",
    "SOCAR will supply gas to two Balkan utilities from 2027, officials in Baku said.",
    "The bill passed by 320 votes to 70, with the Communist Party voting against.",
    # session 11: an aside attribution inside the reported clause; subjects closed by a parenthesis
    # or an apposition before a misread verb
    "He said that the decree – which, he noted, had been signed without a debate – would be repealed in May.",
    "The minister said that the budget was balanced; asked about debt, he said it was falling.",
    # a relative clause without "that" whose object is the noun before it
    '"We did everything we could," said the head of the rescue service, "but the river rose too fast."',
    "The delegation visited the plant they had built in 2019 in the south of the country.",
    # a preposition stranded as English strands one
    "From now on, travellers from 49 countries can request an e-visa, the ministry said.",
    "Few people in the village knew where the money had come from.",
    "Voters said they wanted to replace the officials they had grown tired of.",
    "The People's Bank of China (PBOC) cut the five-year loan prime rate by 10 basis points to 3.5 percent.",
    "The chant, originally Kurdish (\"Jin, jiyan\"), spread rapidly across the region and around the world.",
    "Turkey's striker, a former Lazio player, beat two defenders before scoring in the 80th minute.",
    # session 11: a present tense read as a noun before its object, and "please" after an opening phrase
    "Uzbekistan, one of the world's largest cotton growers, ships most of it to China and Bangladesh.",
    "The Yerevan State University (YSU), in the Armenian capital, traces its roots to 1919.",
    "For details of the scholarship, please contact the admissions office in Almaty.",
    "In judo, Georgia's team of nine won three golds, two silvers and a bronze in Paris.",
    "Kuwait's election commission, a body of five judges, disqualified most opposition candidates from running.",
    # session 12: a label's colon, a list after a comma and inches: the preposition's object follows
    "Group by: Assignee (A to Z)",
    "You can sign in with: Google, Microsoft or an email address.",
    "The Licensee shall not permit any contractor to, (i) copy the Software, or (ii) remove any notice from it.",
    "Mount the bracket on a 2 x 4 in. wooden stud before you hang the shelf.",
    # session 12: an imperative the tagger read as a noun, and a present tense in "-ss" after its subject
    "Import from Excel or CSV and map your columns in one step.",
    "Join clubs, earn points and share your results with your friends.",
    "We process your account data on these legal bases: consent, a contract and our legitimate interests.",
    # session 17: an imperative the tagger read as a gerund ("Bring"/VBG) in a recipe
    "Bring the stock to a simmer, then reduce the heat and cook for 20 minutes.",
    "Bring the water back to the boil and add the rice.",
    # session 12: a field's short label and its colon, a value with no verb
    "Registered office: Example Trading GmbH, 4 Mill Lane, Leeds LS1 4AB, United Kingdom.",
    "New in version 2.3: offline maps and a faster, quieter sync engine for large teams.",
    # session 14: a present or past tense the tagger read as a base form after its subject and an adverb
    "Officials from both ministries also put the plan into practice last year.",
    "Two agencies, the statistics office and the central bank, also help to track prices.",
    "The two neighbours once again fell out over the water of the river.",
    "The largest exporters of grain at least cover the costs of their storage.",
    "The rival parties both reject the outcome of the vote in the capital.",
    # session 14: a present tense the tagger read as a preposition
    "The Kura and Araz rivers border the plain on the north and the south.",
])
def test_no_sign_on_fluent_news(text):
    assert names(text) == set()


@pytest.mark.parametrize("text", [
    # session 22: the "-s" form of an irregular verb (English morphology: its past is no "-ed" form) that the
    # tagger read as a plural noun, right after a singular subject: a screenplay's action line, a filing
    "Margaret sits alone at the table, a cold cup of tea in front of her.",
    "The old woman sits alone at the table by the window.",
    "The revolving credit facility bears interest at SOFR plus a margin of 1.25%.",
    "The museum holds about 4,000 carpets from the Caucasus and Central Asia.",
    "A narrow path leads down to the harbour from the back of the church.",
])
def test_an_irregular_present_read_as_a_noun_is_finite(text):
    assert "no_finite" not in names(text)


@pytest.mark.parametrize("text", [
    # session 24: a regular verb's "-s" form the tagger read as a plural noun after its singular subject, with a
    # bare noun as its object ("emits light", "burns fuel"), in prose with symbols, equations and units
    "The laser emits light at a wavelength of λ = 633 nm in the lab.",
    "The detector records photons with an efficiency of η = 0.8 at best.",
    "The battery stores energy for a day, E = 50 Wh, in a small case.",
    "The engine burns fuel at a rate of 8 L per hour on the highway.",
    "The cell emits photons in bursts under strong light.",
    "The heater uses electricity from a small panel on the roof.",
])
def test_a_regular_present_before_a_bare_object_is_finite(text):
    assert "no_finite" not in names(text)


@pytest.mark.parametrize("text", [
    # ... but a compound's plural noun stays a noun: its "-ed" form is no everyday word, or no object follows
    "The new rules of the consumer goods market in the capital and the region.",
    "The state of the human rights situation in the region in recent years.",
    "The oil prices index of the exchange in the spring of that odd year.",
])
def test_a_compound_plural_before_a_noun_stays_a_noun(text):
    assert "no_finite" in names(text)


def test_sign_spans_point_into_the_text():
    text = "Officials say the ministry on Monday in the capital the plan approved."
    a = analyse(text, load(), offset=100)
    for s in a.signs:
        assert 100 <= s.start < s.end <= 100 + len(text)


def test_other_script():
    assert other_script("Тбилиси") and other_script("قانون") and not other_script("Tbilisi") and not other_script("Şəki")



def test_letters_styled_with_unicode_alphabets_are_latin():
    """Bold or italic letters of Unicode's mathematical alphabets ("𝐁old", "𝑖𝑡𝑎𝑙𝑖𝑐", as social media style text)
    and full-width Latin letters are the Latin letters they style, read as their NFKC forms: no word in another
    alphabet (MTF408), while a real other alphabet still is (session 21)."""
    for word in ("𝐁old", "𝑖𝑡𝑎𝑙𝑖𝑐", "𝐁𝐚𝐤𝐮", "𝙢𝙤𝙣𝙤", "𝓢𝓬𝓻𝓲𝓹𝓽", "ＡＢＣ", "𝐁𝐚𝐤ı"):
        assert not other_script(word), word
    assert other_script("Баку") and other_script("𝐁аку")  # a Cyrillic letter among styled ones is still another alphabet
    for text in ("The minister praised the 𝐁old plan of the city council on Monday.",
                 "Farmers in the valley called the harvest 𝑖𝑡𝑎𝑙𝑖𝑐 and 𝐯𝐞𝐫𝐲 good this year."):
        assert "other_script" not in names(text), text
    assert "other_script" in names("The delegation met the mayor of Баку and discussed the roads.")

def test_function_word_view_and_hashing_are_deterministic():
    toks = tokenize("The minister said that the plan works.")
    tags = load().tag([t.text for t in toks])
    v = view(toks, tags)
    assert v[0] == "the" and v[1] == "NN" and v[2] == "said"
    assert hashed_ngrams(v) == hashed_ngrams(list(v))


def dense(text: str) -> dict[str, float]:
    return analyse(text, load()).dense


def test_ratio_features_see_dropped_articles_and_genitive_chains():
    plain = dense("The minister opened a new school in the village on Monday.")
    calque = dense("Minister of region opened school of village of district on day of Monday.")
    assert calque["bare_noun_share"] > plain["bare_noun_share"]
    assert calque["of_per_word"] > plain["of_per_word"] == 0.0
    assert 0.0 <= calque["bare_noun_share"] <= 1.0


def test_ratio_features_do_not_grow_with_length():
    short = dense("The council approved the budget, and the mayor signed it.")
    long = dense("The council approved the budget, and the mayor signed it, and the governor praised the plan, "
                 "and the voters welcomed the decision.")
    for k in ("bare_noun_share", "articles_per_noun", "of_per_word", "commas_per_word", "repeated_nouns"):
        assert abs(short[k] - long[k]) < 0.05, k
    assert long["log_words"] > short["log_words"]
    again = dense("The council approved the budget and the council approved the budget again.")
    assert again["repeated_nouns"] > short["repeated_nouns"] == 0.0


def test_mean_log_freq_is_lower_for_rarer_words():
    from mtfix.scoring.lm import BigramModel

    lm = BigramModel.load()
    common = analyse("The people said that the work was good for the city.", load(), lm=lm).dense
    rare = analyse("The ombudsman lambasted the procurement of desalination turbines.", load(), lm=lm).dense
    assert rare["mean_log_freq"] < common["mean_log_freq"]


def test_a_word_quoted_alone_is_mentioned_not_unknown():
    """Session 9: 'the words "hava" and "qarşı"' talks about the words; unquoted, they count as unknown."""
    from mtfix.garble.checker import predict

    quoted = predict('The words "hava" and "qarşı" are often mistranslated, linguists say.').analysis
    bare = predict("The words hava and qarşı are often mistranslated, linguists say.").analysis
    assert quoted.dense["unknown_lower"] == 0.0 < bare.dense["unknown_lower"]


def test_a_word_glossed_by_an_apposition_is_introduced_not_unknown():
    from mtfix.garble.checker import predict

    glossed = predict("In Uzbekistan, each district is run by a hokim, the equivalent of a mayor.").analysis
    bare = predict("In Uzbekistan, each district is run by a hokim and the council of the city.").analysis
    assert glossed.dense["unknown_lower"] == 0.0 < bare.dense["unknown_lower"]


def test_words_introduced_in_a_pair_or_after_of_are_not_unknown():
    """Session 10: 'a tray of shekerbura and pakhlava, traditional Novruz pastries,' and 'a plate of
    plov, the national dish' introduce the words; in a list with no gloss they count as unknown."""
    from mtfix.garble.checker import predict

    glossed = predict("A boy carries a tray of shekerbura and pakhlava, traditional Novruz pastries, "
                      "in the village of Ilisu.").analysis
    listed = predict("A boy carries a tray of shekerbura and pakhlava, bread and cheese to the village of "
                     "Ilisu.").analysis
    assert glossed.dense["unknown_lower"] == 0.0 < listed.dense["unknown_lower"]
    plov = predict("A plate of plov, the national dish of rice and meat, costs about 40,000 som.").analysis
    assert plov.dense["unknown_lower"] == 0.0


def test_a_word_glossed_after_a_preposition_is_introduced_not_unknown():
    """Analysis revision 23 (session 35): after a preposition as after an article or "of", a word glossed by an
    apposition is introduced ("served with ajapsandali, a stew of aubergines"); with no gloss it stays unknown,
    and so does a word after a preposition that a clause, not an apposition, follows."""
    from mtfix.garble.checker import predict

    for text in ("Every guest at the feast was served with ajapsandali, a stew of aubergines and peppers.",
                 "In the hills the shepherds live on bread and on nadughi, a soft whey cheese, all summer."):
        assert predict(text).analysis.dense["unknown_lower"] == 0.0, text
    for text in ("Every guest at the feast was served with ajapsandali and bread.",
                 "Every guest at the feast was served with ajapsandali, they said afterwards."):
        assert predict(text).analysis.dense["unknown_lower"] > 0.0, text


def test_the_original_of_a_name_given_for_reference_is_not_unknown():
    """Session 10: 'is "ქართული ოცნება" (Kartuli Otsneba)': a quoted form in another script glossed in
    parentheses is neither a sign nor an unknown word."""
    from mtfix.garble.checker import predict

    a = predict("The Georgian Dream party's name in Georgian is \"ქართული ოცნება\" (Kartuli Otsneba).").analysis
    assert a.dense["unknown_lower"] == 0.0 and not a.signs
    b = predict("The Georgian Dream party's name in Georgian is ქართული ოცნება and was chosen in 2012.").analysis
    assert b.dense["unknown_lower"] > 0.0 and {s.name for s in b.signs} == {"other_script"}



def test_a_quoted_phrase_glossed_for_the_reader_is_not_unknown():
    """Session 11: a phrase quoted in the original language and glossed (after a dash in quotation
    marks, or in parentheses), or quoted alone in parentheses, is given for reference; the same words
    unquoted, or quoted with a second quoted name in the parentheses, are counted as unknown."""
    from mtfix.garble.checker import predict

    for glossed in ('Students sang "Bahar geldi, yaz geldi" – "Spring has come, summer has come" – in the yard.',
                    'Students sang "Bahar geldi, yaz geldi" (Spring has come, summer has come) in the yard.',
                    'The song, originally Turkish ("Bahar geldi, yaz geldi"), was sung in the yard.'):
        assert predict(glossed).analysis.dense["unknown_lower"] == 0.0, glossed
    for used in ("Students sang bahar geldi, yaz geldi in the yard of the school.",
                 'The club "Bahar geldi" (branch "Yaz geldi") met in the yard of the school.'):
        assert predict(used).analysis.dense["unknown_lower"] > 0.0, used


def test_a_rare_inflection_of_a_known_word_is_not_unknown():
    """Session 11: "initialling" (British spelling) is absent from the counts, "initial" is not."""
    from mtfix.garble.checker import predict

    assert predict("The ministry welcomed the initialling of the agreement in May.").analysis.dense[
        "unknown_lower"] == 0.0
    assert predict("The ministry welcomed the qarshiling of the agreement in May.").analysis.dense[
        "unknown_lower"] > 0.0


@pytest.mark.parametrize("text", [
    "Fold in the flour a little at a time; do not overmix.",
    "Do not overbake the cake, or the edges will dry out.",
    "Let the bread cool, then reseal the bag and store it in a dry place.",
    "The update lets you misfile nothing: every folder is checked before it moves.",
])
def test_a_known_word_with_an_english_prefix_is_not_unknown(text):
    """Session 17: recipes and how-to coin words with over-, under-, re-, pre-, mis-, out- ("overmix",
    "reseal") that the counts lack; the word after the prefix is an everyday one."""
    from mtfix.garble.checker import predict

    assert predict(text).analysis.dense["unknown_lower"] == 0.0


@pytest.mark.parametrize("text", [
    "The ministry approved the rezultat of the regional schools in May.",
    "The governor said the prefeitura would open the new school in May.",
    "The committee said the recoment was sent to the ministry in May.",  # a typo: "coment" is rare
    # a prefix and a name, an abbreviation or slang: another language's word left untranslated (session 17)
    "The ministry said the remont of the school would be finished in May.",
    "The new rejimi of the border crossing starts in May.",
    "The report said the precos of bread had risen since May.",
])
def test_a_word_that_only_starts_like_a_prefix_stays_unknown(text):
    from mtfix.garble.checker import predict

    assert predict(text).analysis.dense["unknown_lower"] > 0.0


def test_capitals_after_a_dateline_or_opening_a_title_are_style():
    """Session 11: "BAKU, 3 May – The ..." and "of First Deputy Minister Ali ..." are capitalised by
    English style; a capitalised function word after a lower-case word and before one is not."""
    from mtfix.garble.checker import predict

    def caps(text: str) -> float:
        return predict(text).analysis.dense["capital_midsentence"]

    assert caps("BAKU, 3 May 2025 – The ministry said the talks would resume on Monday.") == 0.0
    assert caps("ASTANA, Dec 1 (Reuters) - The ministry said the talks would resume on Monday.") == 0.0
    assert caps("The talks were held under the chairmanship of First Deputy Minister Ali Karimov.") == 0.0
    assert caps('"It is not about money," said the coach. "It is about pride."') == 0.0
    assert caps("The talks in the capital - The ministry said they would resume on Monday.") == 1.0
    assert caps("The ministry said the talks would resume The next round is on Monday.") == 1.0


def test_title_capitals_are_style():
    """Session 14: the words of a title in mid-sentence ("the film Here We Are Now") and a headline in
    title case are capitalised by style; a sentence break after a name ("Affairs The minister") is not."""
    from mtfix.garble.checker import predict

    def caps(text: str) -> float:
        return predict(text).analysis.dense["capital_midsentence"]

    assert caps("In May the band toured with its new album Here We Are Now, and sold out every hall.") == 0.0
    assert caps("She later had a small part in the sitcom Who Needs It, which ran for two seasons.") == 0.0
    assert caps("Why Kazakhstan Is Betting On Its Railways, And What It Means For The Region.") == 0.0
    assert caps("Her favourite band is The Killers, whom she saw twice in Tbilisi last year.") == 0.0
    # a list label or a quote marker opens the sentence
    assert caps("b) The ministry will publish the list of candidates by Friday.") == 0.0
    assert caps("> It was a long winter in the mountain villages of the north.") == 0.0
    assert caps("# Since then, the number of visitors to the lake has doubled.") == 0.0
    assert caps("The prize went to A Year of Quiet Rivers, a novel set on the Caspian coast.") == 0.0
    assert caps("The delegation met the Minister of Agriculture The minister praised the talks.") == 1.0
    assert caps("The talks in the capital continued The Minister praised the progress made.") == 1.0
    assert caps("The talks in the capital - The ministry said they would resume on Monday.") == 1.0


def test_the_span_to_look_at_first_holds_a_word():
    """The most surprising tag trigram can be punctuation only ('“. “' between two quotations): the span
    shown to a reviewer is widened to the nearest words (here 'useful “. “We')."""
    from mtfix.garble.model import Detector

    trigrams = Detector.load().trigrams
    text = "The talks were “open and useful “. “We back the plan."
    a = analyse(text, load(), trigrams)
    assert a.worst is not None
    shown = text[a.worst[0]:a.worst[1]]
    assert shown == "useful “. “We", shown


@pytest.mark.parametrize("text, word", [
    # session 14 (overfitting audit): a gloss in parentheses may itself be quoted; the rule had excluded it
    ('Protesters chanted "Zan, zendegi, azadi" ("Woman, life, freedom") outside the embassy.', "zendegi"),
    ('The paper "Yashil makon" (Green space) is printed in Tashkent.', "makon"),
])
def test_a_quoted_phrase_glossed_in_parentheses_is_mentioned(text, word):
    from mtfix.garble.signs import _quoted_and_glossed
    from mtfix.garble.tagger import tokenize

    words = [t.text for t in tokenize(text)]
    assert _quoted_and_glossed(words, words.index(word))


def test_a_title_in_apposition_is_no_bare_noun():
    """Session 14: news gives a person's post after the name without an article ("Ali Karimov, head of
    the regional office,"); that noun is no bare singular noun.  One without a name before it still is."""
    from mtfix.garble.checker import predict

    def bare(text: str) -> float:
        return predict(text).analysis.dense["bare_noun_share"]

    assert bare("Ali Karimov, head of the regional office, and Leyla Aliyeva, member of the board, "
                "signed the agreement.") == 0.0
    assert bare("The delegation, member of the board, signed the agreement.") > 0.0



def test_an_article_that_opens_an_official_name_serves_the_name():
    """Session 18 (analysis 14): "the Ministry of ...", "the Republic of ..." take their article as a common noun
    does, so a protocol sentence's articles are no surplus; the names' "of"s stay counted (MT of institutional
    news garbles there), and a genitive chain of common nouns is read as before."""
    named = dense("A delegation from the Ministry of Science of the Republic of Kazakhstan visited the Faculty of "
                  "Engineering.")
    assert named["articles_per_noun"] == 1.0  # 4 articles: delegation and the three names
    assert named["of_per_word"] == pytest.approx(4 / 17)
    chain = dense("The growth of the output of the plant was the result of the reform of the sector.")
    assert chain["articles_per_noun"] == 1.0  # 6 articles, 6 common nouns, no name
    assert dense("The head of the Republic of Kazakhstan met the envoy.")["articles_per_noun"] == 1.0


def test_a_defined_term_repeated_is_no_repeated_noun():
    """Session 18 (analysis 14): terms and conditions repeat their defined terms on purpose ("the Customer");
    the same noun in lower case, or a capital that opens a quotation, is still a repeat."""
    assert dense("Where the Customer is a consumer, the statutory rights of the Customer are not affected.")[
        "repeated_nouns"] == 0.0
    assert dense("Where the customer is a consumer, the statutory rights of the customer are not affected.")[
        "repeated_nouns"] > 0.0
    assert dense('They held the event "Language is the soul of the people" on the language of the region.')[
        "repeated_nouns"] > 0.0
