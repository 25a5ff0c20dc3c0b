"""Tests for medialit.tagger: the rule-based imitation of the codebook."""

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import corpus, schema
from medialit.segment import split_sentences
from medialit.tagger import (
    MACHINE_COLUMNS, TaggerInputError, tag, tag_article, tag_corpus, tag_spans, tag_text,
)


def labels(text):
    return tag_text(text)["label"].astype(str).tolist()


# --- input handling ---------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a list"], b"bytes"])
def test_non_str_input_raises_clear_error(bad):
    with pytest.raises(TaggerInputError, match="str"):
        tag_text(bad)


def test_bytes_error_says_how_to_decode():
    with pytest.raises(TaggerInputError, match="decode"):
        tag_text(b"Some text.")


def test_bad_article_id_raises_clear_error():
    with pytest.raises(TaggerInputError, match="article_id"):
        tag_text("Text.", article_id="")
    with pytest.raises(TaggerInputError, match="article_id"):
        tag_text("Text.", article_id=7)


def test_surrogate_text_raises_tagger_error_not_unicode_error():
    with pytest.raises(TaggerInputError, match="sentence splitter"):
        tag_text("broken \ud800 text.")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t  \r\n"])
def test_empty_and_whitespace_text_give_empty_tables_with_schema_columns(text):
    sentences, spans = tag(text)
    assert sentences.empty and spans.empty
    assert list(sentences.columns) == [*schema.SENTENCE_COLUMNS, *MACHINE_COLUMNS]
    assert list(spans.columns) == list(schema.SPAN_COLUMNS)


# --- segmentation and offsets -----------------------------------------------------------------

SAMPLE = (
    "Border talks stall\n\n"
    "Officials said on Monday that the crossing was closed. "
    "The army reportedly moved troops to the area.\n\n"
    "“We will not retreat,” the minister said. “Our position is firm.\n"
    "The talks must resume. Will anyone listen?\n\n"
    "Please enter your comment!\n"
)


def test_sentences_follow_the_shared_segmenter_and_offsets_match():
    rows = tag_text(SAMPLE, "demo")
    expected = split_sentences(SAMPLE)
    assert rows["text"].tolist() == [s.text for s in expected]
    assert rows["sent_id"].tolist()[:2] == ["demo-001", "demo-002"]
    for row in rows.itertuples():
        assert SAMPLE[row.start:row.end] == row.text


def test_span_offsets_match_raw_text_and_lie_inside_their_sentence():
    sentences, spans = tag(SAMPLE, "demo")
    assert not spans.empty
    bounds = sentences.set_index("sent_id")[["start", "end"]]
    for span in spans.itertuples():
        assert SAMPLE[span.start:span.end] == span.text
        assert bounds.loc[span.sent_id, "start"] <= span.start < span.end <= bounds.loc[span.sent_id, "end"]


def test_columns_and_vocabularies_match_the_schema():
    rows = tag_text(SAMPLE)
    assert list(rows.columns) == [*schema.SENTENCE_COLUMNS, *MACHINE_COLUMNS]
    assert set(rows["label"].dropna()) <= set(schema.LABELS)
    assert set(rows["role"].dropna()) <= set(schema.ROLES)
    assert rows["label"].notna().all() and rows["rationale"].str.startswith("L").all()


# --- label rules --------------------------------------------------------------------------------

def test_rule_order_on_a_small_article():
    rows = tag_text(SAMPLE).set_index("text")
    assert rows.loc["Officials said on Monday that the crossing was closed.", "label"] == "attributed"
    assert rows.loc["The army reportedly moved troops to the area.", "label"] == "attributed"
    assert rows.loc["The talks must resume.", "label"] == "advocacy"
    assert rows.loc["Will anyone listen?", "label"] == "advocacy"
    assert rows.loc["Please enter your comment!", "label"] == "meta"


def test_quotation_continues_across_sentences_until_closed():
    text = "“The camp is open again. Boys are training there. Nothing has changed,” a source said. The road is long."
    rows = tag_text(text)
    assert rows["label"].astype(str).tolist() == ["attributed", "attributed", "attributed", "fact"]
    assert rows["cue"].tolist()[1] == "[continued quotation]"
    assert rows["source"].tolist()[:3] == ["a source"] * 3


def test_straight_quotes_are_tracked_too():
    rows = tag_text('"We are ready. The plan is set." The bridge opened in May.')
    assert rows["label"].astype(str).tolist() == ["attributed", "attributed", "fact"]


def test_quotation_does_not_leak_into_next_paragraph():
    rows = tag_text("“We are ready. The plan is set.\n\nThe bridge opened in May.")
    assert rows["label"].astype(str).tolist()[-1] == "fact"


def test_text_with_no_attributed_sentences():
    text = "The bridge opened in May. It carries 4,000 cars a day. Traffic moved slowly."
    assert "attributed" not in labels(text)
    assert (tag_text(text)["source_type"].astype(str) == "none").all()


def test_cue_in_subordinate_clause_does_not_attribute():
    assert labels("Recruitment continued despite the government's claims that action was taken.") == ["fact"]


def test_writer_judging_a_statement_is_not_attribution():
    assert labels("The minister's statements are particularly alarming as they suggest a new war.") == ["advocacy"]


def test_according_to_names_the_source():
    rows = tag_text("According to UN monitoring reports, the group remains active.")
    assert rows.loc[0, "label"] == "attributed"
    assert rows.loc[0, "cue"] == "According to"
    assert rows.loc[0, "source"] == "UN monitoring reports"
    assert rows.loc[0, "source_type"] == "document"


def test_closing_said_and_parenthetical_said():
    assert labels("The border will stay shut for a week, officials said.") == ["attributed"]
    rows = tag_text("These fighters, the spokesman claimed, have fled abroad.")
    assert rows.loc[0, "label"] == "attributed" and rows.loc[0, "source"] == "the spokesman"


def test_speech_act_noun_frames():
    assert labels("The country has faced allegations of sponsoring militancy.") == ["attributed"]
    assert labels("Accusations of fraud have persisted for years.") == ["attributed"]
    assert labels("Accusations of fraud are serious and have far-reaching implications.") == ["advocacy"]


def test_known_to_is_not_a_cue():
    assert labels("They are also known to provide charitable services.") == ["fact"]


def test_imperative_and_verbless_list_are_advocacy():
    text = "Several steps are essential. Allow neutral monitors at the border. Closer cooperation with neighbours on policing."
    assert labels(text) == ["advocacy", "advocacy", "advocacy"]


def test_single_weak_evaluative_word_stays_fact():
    assert labels("The fragile economy shrank by 2 percent last year.") == ["fact"]


def test_page_furniture_and_bio_are_meta():
    text = (
        "Storm hits coast\n\nThe storm reached the coast at noon. Power failed in three towns. "
        "Crews worked overnight.\n\nThe writer is a freelance columnist\n\nLEAVE A REPLY\n\n"
        "This website uses cookies to improve your experience.\n"
    )
    rows = tag_text(text)
    assert rows["label"].astype(str).tolist() == ["fact", "fact", "fact", "fact", "meta", "meta", "meta"]
    assert rows["role"].astype(str).tolist()[0] == "headline"
    assert rows["role"].astype(str).tolist()[4] == "bio"


def test_exact_repeat_is_linked():
    rows = tag_text("The dam was finished in 2020 after ten years of work.\n\nThe dam was finished in 2020 after ten years of work.")
    assert rows["repeats"].tolist() == ["", "user-001"]


# --- spans ---------------------------------------------------------------------------------------

def test_spans_kinds_and_number_rules():
    spans = tag_spans("Critics argue it is clearly a regime that apparently killed at least 35 people in 2019.")
    found = dict(zip(spans["text"], spans["kind"].astype(str)))
    assert found["argue"] == "cue" and found["clearly"] == "booster"
    assert found["regime"] == "loaded" and found["apparently"] == "hedge"
    assert found["at least 35"] == "number"
    assert "2019" not in found  # years are not quantities


def test_a_claim_of_responsibility_is_the_group_s_own_claim():
    # codebook case 37: the writer reports what the group says it did (attributed, accused = the group)
    for text in ("The Valdor Front claimed responsibility for the attack.",
                 "The Valdor Front has taken responsibility for the bombing.",
                 "The Valdor Front claimed credit for both attacks."):
        row = tag_text(text, "x").iloc[0]
        assert (row.label, row.accusation, row.accuser, row.accused) == ("attributed", 1, "writer", "Valdor Front"), text
    spans = tag_spans("The group claimed responsibility for the attack.")
    assert "cue" in spans["kind"].astype(str).tolist()
    # in a phrase that is not the main clause, the sentence keeps its main clause's label
    assert labels("Attacks have surged, with the Valdor Front claiming responsibility for most of them.") == ["fact"]


# --- the stored pieces ----------------------------------------------------------------------------

def test_tag_article_sentence_ids_match_gold():
    gold = corpus.load_sentences()
    machine = tag_corpus()
    assert machine["sent_id"].tolist() == gold["sent_id"].tolist()
    assert (machine["start"].to_numpy() == gold["start"].to_numpy()).all()


def test_tag_article_with_spans_returns_pair():
    sentences, spans = tag_article("ap-crackdown", spans=True)
    raw = corpus.load_raw("ap-crackdown")
    assert isinstance(spans, pd.DataFrame) and len(sentences) > 0
    assert all(raw[s.start:s.end] == s.text for s in spans.itertuples())


def test_tag_article_unknown_id_is_a_data_error():
    with pytest.raises(corpus.DataError, match="Known ids"):
        tag_article("no-such-piece")
    with pytest.raises(TaggerInputError):
        tag_article(5)


# --- property test ----------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(), max_size=300)
       | st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "said", "according to", ".", "?", "\n", "\r\n",
                                   " ", "Must", "should", ",", "X", "Please enter your comment", "(", ")"]),
                  max_size=60).map("".join))
def test_any_text_gives_matching_offsets_or_the_taggers_own_error(text):
    try:
        sentences, spans = tag(text)
    except TaggerInputError:
        return
    for row in sentences.itertuples():
        assert text[row.start:row.end] == row.text
    for span in spans.itertuples():
        assert text[span.start:span.end] == span.text
    assert set(sentences["label"].astype(str)) <= set(schema.LABELS)


# --- issue 12: web-page furniture (own example lines) ---------------------------------------------

def roles(text):
    return tag_text(text)["role"].astype(str).tolist()


@pytest.mark.parametrize("line", [
    "Last updated: 3 March 2025, 09:12 PKT",
    "Updated on March 3, 2025 09:12 am",
    "Published in The Evening Courier, March 3rd, 2025.",
    "Source: Reuters",
    "— AFP",
    "Anna Berg | Reuters | Getty Images",
    "[Image by The Valley Post]",
    "— Some Reporter (@somereporter) March 3, 2025",
    "@valleypost",
    "Read more: Dam talks stall again",
    "728x90",
    "17",
    "Comments are moderated and will appear once approved.",
    "Like Valley News on Facebook to get every story.",
    "To see more, visit https://example.org.",
])
def test_page_furniture_lines_are_meta(line):
    text = f"Dam talks resume\n\nThe two delegations met in the capital on Monday.\n\n{line}\n\nThey will meet again next week, officials said.\n"
    rows = tag_text(text)
    line_row = rows[rows.text == line.strip()] if (rows.text == line.strip()).any() else rows.iloc[[2]]
    assert line_row["label"].astype(str).tolist() == ["meta"], line


def test_photo_caption_followed_by_credit_line_is_furniture():
    text = ("Floods close mountain road\n\nA lorry stands in mud near the pass on Tuesday.\n\n— Staff photo\n\n"
            "The road was closed for three days.\n")
    assert roles(text) == ["headline", "furniture", "furniture", "body"]


def test_a_date_line_does_not_push_the_real_headline_down():
    text = "Last updated: 4 June 2025\n\nRiver treaty talks stall\n\nNegotiators left without a deal on Friday.\n"
    assert roles(text) == ["furniture", "headline", "body"]


def test_a_capitalised_subheading_late_in_the_page_does_not_make_the_rest_furniture():
    body = " ".join(f"The committee met for the {n}th time." for n in range(4, 12))
    text = f"Water talks\n\n{body}\n\nBorder Trade Resumes\n\nTrucks crossed the border on Friday.\n"
    rows = tag_text(text)
    assert rows["role"].astype(str).tolist()[-1] == "body"
    assert rows["label"].astype(str).tolist()[-1] == "fact"


def test_caption_photo_shows_is_furniture():
    assert labels("This photograph taken on Monday shows a flooded street in the old town.\n\n"
                  "The river rose by two metres overnight.") == ["meta", "fact"]


# --- issue 12: reported speech (own example sentences) --------------------------------------------

def attributed(text):
    row = tag_text(text).iloc[0]
    return str(row["label"]), row["cue"], row["source"]


@pytest.mark.parametrize("text, cue", [
    ("The ministry claims the convoy was carrying only food.", "claims"),
    ("The state radio reports that two bridges were damaged.", "reports"),
    ("The harbour authority says the port will reopen.", "says"),
    ("The union asked the city council to delay the vote.", "asked"),
    ("Neighbouring states pressed both sides to return to talks.", "pressed"),
    ("Farmers demanded that the canal be repaired.", "demanded"),
    ("The opposition calls for an inquiry into the contract.", "calls for"),
    ("The mayor denounced the decision as a betrayal of the valley.", "denounced"),
    ("The council condemned the closure as unlawful.", "condemned"),
    ("The province alleged fraud in the tender.", "alleged"),
    ("A spokesman called the closure a punishment of ordinary traders.", "called"),
    ("The envoy landed in the capital on Sunday and told reporters the talks had failed.", "told reporters"),
    ("The company has offered to pay for repairs but warned it would appeal.", "warned"),
    ("The Daily Ledger writes: “The vote was rigged.”", "writes"),
    ("The minister confirmed at a news briefing on Sunday that the dam would open.", "confirmed"),
    ("The board maintains there is no shortage of water.", "maintains"),
])
def test_reporting_verbs_and_directives_attribute(text, cue):
    label, found_cue, _ = attributed(text)
    assert (label, found_cue) == ("attributed", cue), text


@pytest.mark.parametrize("text", [
    "It is widely believed that the ferry was overloaded.",
    "It was reported that the ferry had left late.",
    "The impression was created that the ferry had sunk.",
    "There were reports of flooding in two villages.",
    "There is a widespread fear that prices will rise.",
])
def test_impersonal_frames_attribute_to_no_one(text):
    label, _, source = attributed(text)
    assert (label, source) == ("attributed", ""), text


def test_second_conjunct_source_is_the_subject():
    assert attributed("The envoy landed in the capital and told reporters the talks had failed.")[2] == "The envoy"


@pytest.mark.parametrize("text", [
    "It is a valley that both countries claim.",
    "Both countries claim the valley in its entirety.",
    "The two states lay claim to the whole island.",
    "The floods claimed the lives of nine people.",
    "Its declared aim was a customs union.",
    "The alleged fraud took place in 2019.",
    "The bus came after a reportedly delayed train.",
    "The calls for reform had been ignored for years.",
    "The agency is scheduled to meet, while donors have urged more aid, in the city last month.",
])
def test_cue_words_in_another_sense_do_not_attribute(text):
    assert labels(text) != ["attributed"], text


# --- issue 12: units and invisible characters ------------------------------------------------------

def test_elision_does_not_split_a_quotation():
    rows = tag_text("“We will rebuild the bridge […] The work starts in May,” the mayor said.")
    assert len(rows) == 1 and rows.label.astype(str).tolist() == ["attributed"]


def test_heading_glued_to_the_first_sentence_is_its_own_unit():
    rows = tag_text("Ferry service resumes after storm The first ferry left the harbour at dawn.")
    assert rows.text.tolist() == ["Ferry service resumes after storm", "The first ferry left the harbour at dawn."]


@pytest.mark.parametrize("mark", ["\u200b", "\u200d", "\u00ad", "\u202e", "\u2066", "\ufeff"])
def test_invisible_characters_do_not_hide_a_cue_and_offsets_index_the_raw_text(mark):
    text = f"Residents s{mark}aid the water was unsafe.\n\n{mark}The pump will be replaced."
    sentences, spans = tag(text)
    assert sentences.label.astype(str).tolist() == ["attributed", "advocacy"]
    for table in (sentences, spans):
        for start, end, piece in zip(table.start, table.end, table.text):
            assert text[start:end] == piece
    assert f"s{mark}aid" in spans.text.tolist()


# --- issue 12: advocacy without a modal, negated predictions, fragments (own example sentences) ----

@pytest.mark.parametrize("text", [
    "It is high time the two capitals reopened the crossing.",
    "Now is the moment to sign the water treaty.",
    "Let us not forget who pays for this quarrel.",
    "This cannot go on.",
    "The ministry keeps dragging its feet on the inquiry.",
    "The new tariff is a recipe for shortages.",
    "The council has finally shaken off its complacency.",
    "The new dam will not solve the drought.",
    "Such promises ring hollow in the flooded villages.",
    "The decision is nothing short of reckless.",
])
def test_advocacy_without_a_modal(text):
    assert labels(text) == ["advocacy"], text


def test_a_plain_report_stays_fact():
    assert labels("The council met on Tuesday and approved the budget for the new bridge.") == ["fact"]


def test_a_verbless_fragment_continues_the_reported_speech():
    rows = tag_text("The mayor said the plan had two aims. To rebuild the bridge and to reopen the school.")
    assert rows.label.astype(str).tolist() == ["attributed", "attributed"]
    assert rows.source.tolist()[1] == "The mayor"


# --- issue 12: accusations (own example sentences, invented parties) -----------------------------

def accusation_of(text, **kw):
    row = tag_text(text).iloc[-1]
    return int(row.accusation), row.accuser, row.accused


@pytest.mark.parametrize("text, accuser, accused", [
    ("The Valdian government accuses Norland of shelling the border villages.", "The Valdian government", "Norland"),
    ("Norland blamed the Red Valley Front for the bombing.", "Norland", "Red Valley Front"),
    ("The Red Valley Front has been accused of recruiting children.", "unnamed", "Red Valley Front"),
    ("Valdian troops shelled the market, killing four people.", "writer", "Valdian troops"),
    ("The attack was carried out by the Red Valley Front, officials said.", "officials", "Red Valley Front"),
    ("The Red Valley Front claimed responsibility for the blast.", "writer", "Red Valley Front"),  # case 37
    ("Norland has long been accused of harbouring RVF fighters.", "unnamed", "Norland"),
    ("RVF-linked violence has surged in the north, the report said.", "the report", "RVF"),
])
def test_accusations_name_accuser_and_accused_as_printed(text, accuser, accused):
    found, who, whom = accusation_of(text)
    assert found == 1, text
    assert whom == accused, text
    assert who.lower() == accuser.lower(), text


@pytest.mark.parametrize("text", [
    "Militants attacked a checkpoint on Monday.",           # no identifiable party
    "Gunmen opened fire on a bus near the bridge.",
    "The river flooded three villages in the north.",
    "Norland and Valdia signed a trade agreement in May.",
    "The ministers discussed the attack on the convoy.",      # an attack, but nobody charged with it
])
def test_no_accusation_without_a_charge_against_a_named_party(text):
    assert accusation_of(text)[0] == 0, text


def test_the_group_refers_back_to_the_party_named_before():
    rows = tag_text("The Red Valley Front was founded in 2009. The group has carried out dozens of attacks since then.")
    assert rows.accusation.tolist() == [0, 1]
    assert rows.accused.tolist()[1] == "Red Valley Front"


def test_meta_sentences_carry_no_accusation():
    rows = tag_text("Border talks\n\nTroops shelled the town.\n\nRead more: Norland accuses Valdia of shelling")
    assert int(rows.accusation.iloc[-1]) == 0


# --- issue 12: confidence ------------------------------------------------------------------------

def test_confidence_says_why_a_label_is_unsure():
    rows = tag_text("Talks failed.\n\nOfficials said the talks should resume.\n\n"
                    "The fragile truce held, despite claims that it had collapsed.\n\n"
                    "The bridge reopened on Monday after three weeks of repairs.")
    assert rows.confidence.astype(str).tolist() == ["unsure", "unsure", "unsure", "sure"]
    reasons = rows.confidence_reason.tolist()
    assert "fragment" in reasons[0] and "rules disagree" in reasons[1] and "no rule fired" in reasons[2]
    assert reasons[3] == ""


@pytest.mark.parametrize("text, accused", [
    ("The Valdian foreign ministry condemned Norland's air strikes on two villages.", "Norland"),
    ("Officials denounced the Red Valley Front for the ambush.", "Red Valley Front"),
    ("Norland's drone strike killed a shepherd near the pass.", "Norland"),
    ("The convoy was attacked by Valdian troops at dawn.", "Valdian troops"),
])
def test_more_charges_condemnations_and_strikes(text, accused):
    found, _, whom = accusation_of(text)
    assert (found, whom) == (1, accused), text


def test_the_victim_of_a_passive_verb_is_not_the_accused():
    assert accusation_of("Members of the Red Valley Front were targeted in the raid.")[0] == 0


def test_this_organisation_refers_back():
    rows = tag_text("The Red Valley Front was formed in 2001.\n\nEarlier, fighters from this organisation had attacked a police post.")
    assert rows.accused.tolist()[-1] == "Red Valley Front"


def test_condemning_an_attack_charges_the_party_named_before():
    rows = tag_text("Norland bombed the bridge on Monday. Valdia's foreign ministry condemned the attack.")
    assert rows.accusation.tolist()[-1] == 1 and rows.accused.tolist()[-1] == "Norland"


@pytest.mark.parametrize("line", [
    "Anna Berg (@annaberg) Published March 3, 2025 | 10:15 AM",
    "Enhanced by Zemanta",
    "Back to top button",
])
def test_more_page_lines_are_meta(line):
    rows = tag_text(f"Dam talks resume\n\nThe delegations met on Monday.\n\n{line}\n\nThey will meet again.\n")
    assert rows.label.astype(str).tolist()[2] == "meta", line


@pytest.mark.parametrize("line", [
    "10:42 IST",
    "2 hours ago",
    "Show key events only",
    "Email: reporter@example.org",
])
def test_live_page_and_contact_lines_are_meta(line):
    rows = tag_text(f"Dam talks resume\n\nThe delegations met on Monday.\n\n{line}\n\nThey will meet again.\n")
    assert rows.label.astype(str).tolist()[2] == "meta", line


@pytest.mark.parametrize("text, accused", [
    ("The governor blamed the bombing on the Red Valley Front.", "Red Valley Front"),
    ("Police attributed the blast to the Red Valley Front.", "Red Valley Front"),
    ("The attack was claimed by the Red Valley Front.", "Red Valley Front"),
    ("Norland denied any role in the bombing of the bridge.", "Norland"),
    ("Valdia accused Norland of sending fighters across the river.", "Norland"),
])
def test_blame_on_claimed_by_and_role_in(text, accused):
    found, _, whom = accusation_of(text)
    assert (found, whom) == (1, accused), text
