"""Tagger rules that generalise beyond the five pieces: one test per kind of error met on real
articles, each with invented example sentences (no sentence comes from an evaluation text)."""

import pytest

from medialit.accusation import find
from medialit.tagger import tag_text


def labels(text):
    return tag_text(text)["label"].astype(str).tolist()


def label_of(sentence):
    """The label of a sentence read as the body of an article (after a headline)."""
    return labels("Talks resume in the capital\n\n" + sentence)[-1]


def last_row(text):
    """The tagger's row for the last sentence of ``text`` read as an article's body (after a headline)."""
    return tag_text("Talks resume in the capital\n\n" + text).iloc[-1]


def accusation_of(text):
    return int(last_row(text)["accusation"])


def assert_meta_inside_an_article(line):
    """``line`` on its own between body paragraphs is meta, and the article goes on after it (no footer)."""
    after = " ".join(f"The delegates met for the {n} time on Monday." for n in ("first", "second", "third", "fourth"))
    rows = tag_text(f"Talks resume in the capital\n\nThe delegations met on Monday. They talked for three hours.\n\n"
                    f"{line}\n\n{after}")
    assert rows["label"].astype(str).tolist()[3] == "meta"
    assert rows["label"].astype(str).tolist()[-1] == "fact"


# --- page furniture ---------------------------------------------------------------------------

def test_caption_in_one_paragraph_with_its_credit_is_meta():
    text = ("Border talks stall again\n\n"
            "Farmers gather near the river crossing on Monday. Photo: Karsk Press Agency\n\n"
            "The two delegations met for three hours on Monday.")
    assert labels(text) == ["fact", "meta", "meta", "fact"]


@pytest.mark.parametrize("line", [
    "You are here: Home › News › Region",
    "Home › World › Region",
    "Karsk Wire @karskwire",
    "OPINION",
    "Editorial",
    "Border talks stall again | By Mira Stolz",
    "Border talks stall again | Published in The Estavian Courier",
    "PRESS RELEASE No. 12/2030",
    "For media queries: Public Affairs Office",
    "Karsk, 4 May 2030",
])
def test_page_lines_are_meta(line):
    text = f"{line}\n\nBorder talks stall again\n\nThe two delegations met for three hours on Monday."
    assert labels(text)[0] == "meta"


# --- reported speech --------------------------------------------------------------------------

def test_claim_in_another_sense_is_not_a_cue():
    assert label_of("The valley, home to two million people, is claimed in entirety by both states.") == "fact"


@pytest.mark.parametrize("sentence", [
    "Estavia has demanded Norland close down the camps near the border.",
    "The mayor expressed her frustration, noting the delays at the crossing.",
    "While Estavia blames Norland for the delays, Norland has also made counterclaims.",
    "The envoy is due to visit the border on Friday and has urged both sides to show restraint.",
    "The garrison's commanders are widely suspected of selling fuel to smugglers.",
])
def test_reporting_frames_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


def test_a_passive_request_with_no_one_asking_is_the_writers_prescription():
    assert label_of("Residents are requested not to share unverified videos of the incident.") == "advocacy"


# --- advocacy without a modal -----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Sanctions are not the answer to a crisis of this kind.",
    "The two capitals stand at the crossroads of an already fraught relationship.",
    "These reckless postures have brought the region to the cusp of open war.",
    "The region has become a playground for warmongering generals.",
    "Estavia needs a plan for the valley, not another summit.",
])
def test_evaluation_and_prescription_without_a_marker_word(sentence):
    assert label_of(sentence) == "advocacy"


def test_a_single_scare_word_leaves_a_factual_sentence_fact():
    assert label_of("Troops of the so-called Valley Guard entered the village on Monday.") == "fact"


# --- accusations ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The ministry added that the Red Ridge Front used Norland's territory to launch attacks.",
    "The statement said that certain Norland officials are patronising the Red Ridge Front.",
    "The council claimed the Red Ridge Front held a meeting where they ordered a new round of attacks.",
    "Officials say the Red Ridge Front (RRF), a banned group, is plotting attacks on the capital.",
    "The government alleges that Norland has become a safe haven for the fighters.",
    "Officials claim that Norland's inaction allows the fighters to regroup.",
    "Velmar Radio reported that the raids were coordinated by groups linked to Anton Brask.",
    "Norland launched strikes on the valley.\n\nEstavia has strongly condemned these actions, calling them violations.",
    "Estavia blames Norland",
    "Estavia's army says the attack came at dawn; Norland denies any role",
    "The border guards of Norland are widely suspected of looking the other way.",
    "The letter urges the Northern Council to take action against the fighters in its provinces.",
    "Norland keeps dragging its feet on every patrol it has signed up to, a reckless gamble.",
])
def test_charges_are_found(text):
    assert accusation_of(text) == 1


@pytest.mark.parametrize("text", [
    "Gunmen attacked a checkpoint before dawn, the police said.",
    "The ministry warned of the group's potential targets and advised the public to stay alert.",
    "Troops were hunting for the mastermind of the bombing on Monday.",
])
def test_no_charge_without_an_identifiable_party(text):
    assert accusation_of(text) == 0


def test_the_subject_behind_an_apposition_is_the_accused():
    assert find("Officials say the Red Ridge Front (RRF), a banned group, is plotting attacks.",
                label="attributed", source="Officials")[2] == "RRF"


@pytest.mark.parametrize("text", [
    "Critics argue that the Northern Council has provided sanctuary to the fighters for years.",
    "It is worth noting that the Estavian spy agency (ESA) has been playing the key role in funding the raids.",
    "Norland gave assurances to Estavia but failed to implement them.",
    "The claim is that Norland's agents kept ties with the fighters, using them as proxies in the valley.",
    "Observers point to Norland's support for groups that attack the valley.",
])
def test_charges_with_the_party_as_giver_or_behind_an_apposition(text):
    assert accusation_of(text) == 1


@pytest.mark.parametrize("text", [
    "The minister announced a plan to find the militants behind the attack.",
    "Consistent messaging, so that promises are not seen as propaganda, is what the valley needs.",
])
def test_no_party_in_generic_doers_or_an_opening_adjective(text):
    assert accusation_of(text) == 0


@pytest.mark.parametrize("sentence", [
    "What the valley needs is a ceasefire that both armies respect.",
    "Closing the crossing again would be a grave mistake.",
    "The new curfew is untenable and self-defeating.",
])
def test_more_prescriptions_and_judgements(sentence):
    assert label_of(sentence) == "advocacy"


# --- second round: opinion pieces -------------------------------------------------------------

@pytest.mark.parametrize("line", ["Previous article", "Next story"])
def test_navigation_lines_are_meta(line):
    text = f"Border talks stall again\n\nThe two delegations met on Monday.\n\n{line}"
    assert labels(text)[-1] == "meta"


@pytest.mark.parametrize("sentence", [
    "In the past week, reports have emerged of shelling near the river crossing.",
    "For decades the northern pass had been considered safe by traders.",
])
def test_impersonal_and_passive_belief_frames(sentence):
    assert label_of(sentence) == "attributed"


def test_an_adverb_cue_in_a_relative_clause_does_not_govern():
    sentence = ("Reports of a raid on the village, which allegedly cost ten lives, are cause for very "
                "serious concern.")
    assert label_of(sentence) == "advocacy"


def test_a_modal_with_have_is_a_hedge_about_the_past_not_a_prediction():
    assert label_of("There is also evidence that the Front might have formed ties with smugglers.") == "fact"


def test_a_heading_that_opens_with_alleged_is_not_a_speech_act():
    assert labels("Alleged strikes near the pass signal trouble\n\nThe ministry met on Monday.")[0] != "attributed"


@pytest.mark.parametrize("sentence", [
    "The border quarrel heats up again.",
    "The latest clash is not only a serious escalation but also a reminder of how thin the truce is.",
    "These reports raise the question of what the council has done to stop the raids.",
    "That turned out to be just one more promise.",
])
def test_interpretation_and_figures_of_speech(sentence):
    assert label_of(sentence) == "advocacy"


@pytest.mark.parametrize("text", [
    "The Northern Council's obstinate refusal to act against the raiders has angered its neighbours.",
    "The Northern Council went back on its word about reopening the schools.",
    "The envoy said Norland had fired missiles from its own airspace.",
])
def test_broken_promises_refusals_and_missiles_are_charges(text):
    assert accusation_of(text) == 1


def test_targets_as_a_noun_is_not_a_charge():
    assert accusation_of("'Norland has shown restraint in the selection of targets,' the ministry said.") == 0


# --- third round: editorials and denials --------------------------------------------------------

def test_a_single_loaded_adjective_leaves_a_report_fact():
    assert label_of("The valley shut down on Tuesday, the day after a cowardly attack on pilgrims.") == "fact"


@pytest.mark.parametrize("sentence", [
    "The raid bears the stamp of the usual suspect.",
    "It's no coincidence that the raid came a day after the summit.",
    "The audacity of it all is a chilling throwback to the raids of 2008.",
])
def test_contracted_frames_and_more_judgements(sentence):
    assert label_of(sentence) == "advocacy"


def test_blame_game_is_not_a_cue():
    assert label_of("The blame game between the two capitals has gone on for years.") == "fact"


@pytest.mark.parametrize("sentence", [
    "However, the council continues to deny these claims, maintaining that no fighters cross the river.",
    "The minister went on to say that the Front has been based in the hills for years.",
])
def test_catenative_verbs_before_a_cue(sentence):
    assert label_of(sentence) == "attributed"


@pytest.mark.parametrize("text", [
    "The Northern Council rejected the existence of any armed group on its land.",
    "The council denied the Front's presence in the valley.",
    "The raid bore all the signs of the kind of terror that a neighbouring country sponsors.",
    "Norland is persisting with its nefarious policy of arming the raiders.",
    "Estavia insists that NRF activities have surged since the summer.",
])
def test_denials_of_presence_vague_states_and_conduct(text):
    assert accusation_of(text) == 1


def test_an_editorial_reads_unanchored_claims_as_the_writers_interpretation():
    text = ("Editorial\n\nThe valley after the raids\n\n"
            "The quarrel between the two capitals has reached a new stage.\n\n"
            "The council has tied the dispute to the old border line to win support at home.\n\n"
            "Troops crossed the river at dawn on Monday.")
    rows = tag_text(text)
    assert rows["label"].astype(str).tolist()[-3:] == ["advocacy", "advocacy", "fact"]
    assert (rows["confidence"].astype(str).iloc[-3:-1] == "unsure").all()


ARGUED = ("The valley after the raids\n\n"
          "The quarrel between the two capitals has reached a dangerous new stage.\n\n"
          "The council has tied the dispute to the old border line to win support at home.\n\n"
          "Its leaders know that the quarrel distracts voters from the failing economy.\n\n"
          "The neighbours should return to the table before the winter.\n\n"
          "Troops crossed the river at dawn on Monday.\n\n"
          "Both sides keep blaming each other for every incident on the border.\n\n"
          "The old line was drawn by outsiders who never saw the valley.")


def test_an_argued_piece_that_reports_no_one_reads_as_opinion_without_a_label():
    rows = tag_text(ARGUED)
    by_text = dict(zip(rows["text"], rows["label"].astype(str)))
    assert by_text["The council has tied the dispute to the old border line to win support at home."] == "advocacy"
    assert by_text["Its leaders know that the quarrel distracts voters from the failing economy."] == "advocacy"
    assert by_text["Troops crossed the river at dawn on Monday."] == "fact"  # a day to check
    assert by_text["The valley after the raids"] == "fact"  # headings keep their own label
    changed = rows[rows["rationale"].astype(str).str.startswith("L4 an opinion piece")]
    assert len(changed) >= 2 and (changed["confidence"].astype(str) == "unsure").all()


def test_a_report_that_cites_its_sources_is_not_read_as_opinion():
    reported = ARGUED.replace("Its leaders know that", "Officials said that").replace(
        "Both sides keep blaming", "A spokesman said both sides keep blaming")
    rows = tag_text(reported)
    assert (rows["label"].astype(str) == "attributed").sum() >= 2
    by_text = dict(zip(rows["text"], rows["label"].astype(str)))
    assert by_text["The council has tied the dispute to the old border line to win support at home."] == "fact"


def test_without_an_opinion_label_the_same_claims_stay_fact():
    text = ("The valley after the raids\n\n"
            "The council has tied the dispute to the old border line to win support at home.")
    assert labels(text)[-1] == "fact"


@pytest.mark.parametrize("text", [
    "The dispute began with cross-border terrorism by the Red Ridge Front.",
    "The Norland defence minister claimed his country has no connection with the raid on the valley.",
    "The envoy said the Front plans its attacks against Estavia from the hills.",
])
def test_terrorism_by_a_party_no_connection_denials_and_planned_attacks(text):
    assert accusation_of(text) == 1


def test_a_negated_report_is_the_writers_statement():
    assert label_of("The ministry neither condemned the raid nor described it as an attack.") == "fact"


def test_a_charge_continues_into_the_next_sentence_that_refers_back_to_the_act():
    text = ("Norland carried out air strikes on three villages on Monday.\n\n"
            "The council's defence office said the strikes killed eleven herders.")
    rows = tag_text("Talks resume in the capital\n\n" + text)
    assert rows["accusation"].astype(int).tolist()[-2:] == [1, 1]
    assert rows["accused"].iloc[-1] == "Norland"


def test_no_charge_is_inherited_after_a_sentence_without_one():
    text = ("The two delegations met in the capital on Monday.\n\n"
            "Officials said the strikes of last year were not discussed.")
    assert tag_text("Talks resume in the capital\n\n" + text)["accusation"].astype(int).tolist()[-1] == 0


# --- tagger 2.2: charges --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The envoy claimed that the Red Ridge Front is based in the northern hills of Norland.",
    "A monitoring report said the RRF remains the largest armed group operating in Norland.",
    "Officials said that RRF commanders live freely in the capital of Norland.",
    "The ministry said the Red Ridge Front has a strong presence in Norland.",
    "The statement voiced concern over the presence of armed outfits including the RRF inside Norland.",
    "The Red Ridge Front has taken responsibility for the bombing of the bridge.",
    "A former envoy said RRF fighters are collecting “taxes” from traders in the valley.",
])
def test_an_armed_groups_presence_responsibility_and_extortion_are_charges(text):
    assert accusation_of(text) == 1


@pytest.mark.parametrize("text", [
    "The minister said the Norland army is stationed in the border district.",
    "The ministry said the presence of Estavian troops in the valley would end in May.",
    "The new plan is based on a study by the Karsk Institute.",
    "The festival will be held in the capital of Norland.",
])
def test_presence_of_troops_or_a_plan_based_on_a_study_is_no_charge(text):
    assert accusation_of(text) == 0


@pytest.mark.parametrize("text", [
    "That was one more promise that the Norland government did not keep.",
    "The council in Norland is not going after the fighters in the hills.",
    "This refusal to take action means the Front keeps its camps.",
    "The Norland government has shown no urgency to close the camps.",
    "The Estavian foreign office neither condemned the raid nor called it an attack.",
    "According to the army, Norland has committed over 1,100 truce violations this year.",
    "The minister said Estavia's transgressions at the border must stop.",
])
def test_broken_promises_omissions_and_violations_are_charges(text):
    context = "The Red Ridge Front attacked a convoy near the border on Monday.\n\n"
    rows = tag_text("Talks resume in the capital\n\n" + context + text)
    assert int(rows["accusation"].iloc[-1]) == 1


@pytest.mark.parametrize("text", [
    "Estavia lashed out at Norland after the raid on the convoy.",
    "The envoy criticised Norland for the closure of the crossing.",
    "The spokesman has rejected the Karsk Policy Forum (KPF) claim that the Front is stationed in Norland.",
    "“We reject the claim that our soil is used by the Front,” the Norland spokesman said.",
])
def test_verbal_attacks_criticism_and_denials_of_a_named_claim_are_charges(text):
    assert accusation_of(text) == 1


def test_a_denial_whose_that_clause_belongs_to_another_verb_restates_no_charge():
    text = "The spokesman rejected the Estavian official's claim and added that talks would go on."
    assert accusation_of(text) == 0


def test_the_writers_condemnation_of_unilateral_moves_is_a_charge():
    assert accusation_of("The unilateral annexation of the valley by Norland is a reckless gamble.") == 1


# --- tagger 2.2: reported speech ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The agency's report indicated that the convoy had left before noon.",
    "The statement detailed that six people lost their lives in the north.",
    "The governor once again claimed at a press conference on Sunday that the road was safe.",
    "As per the latest reports, the road to the border is closed.",
    "Eleven people died in the flood, local officials claimed on Monday, while the capital gave no figure.",
])
def test_more_reporting_frames_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


def test_as_per_an_agreement_is_not_a_source():
    assert label_of("The prisoners were exchanged as per the agreement signed in May.") == "fact"


# --- tagger 2.2: advocacy without a modal ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "This time the council has gone too far.",
    "The truce seems to have vanished into thin air.",
    "Both parties are cut from the same cloth.",
    "Hence the need for a new policy on the border.",
    "The government is trying to provoke its neighbour before the vote.",
    "The two sides tell different stories because they want their voters to feel strong.",
    "The envoy's visit sends a message that few expected.",
    "It is a cause for concern that the talks were cancelled.",
])
def test_figurative_evaluative_and_motive_readings_are_advocacy(sentence):
    assert label_of(sentence) == "advocacy"


def test_a_plain_report_with_none_of_these_stays_fact():
    assert label_of("The two delegations met for three hours on Monday and agreed to meet again.") == "fact"


# --- tagger 2.2: page lines -----------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "ShareFacebook Twitter WhatsApp Email Print Telegram",
    "Share Facebook X LinkedIn Copy link",
    "Home Editorials Border Talks Stall",
])
def test_share_buttons_and_a_breadcrumb_from_home_are_meta(line):
    text = f"Border talks stall again\n\n{line}\n\nThe two delegations met for three hours on Monday."
    assert labels(text)[1] == "meta"


def test_a_headline_about_a_home_ministry_is_not_a_breadcrumb():
    text = "Home Ministry Orders Inquiry Into Border Clash\n\nThe two delegations met for three hours on Monday."
    assert labels(text)[0] == "fact"


def test_the_wrongdoing_pattern_split_by_first_character_matches_as_the_whole():
    from medialit.accusation_words import _WRONG_BY_CHAR, _WRONG_RE
    assert _WRONG_BY_CHAR  # the split succeeded (otherwise the whole pattern is used)
    for low in ("the front attacked the post and has taken responsibility for it",
                "they are not going after the fighters, who live freely in the hills",
                "the ministry neither condemned the raid nor the shelling of the town"):
        for i in range(len(low)):
            whole = _WRONG_RE.match(low, i)
            part = _WRONG_BY_CHAR.get(low[i])
            part = part.match(low, i) if part else None
            assert (whole and whole.group()) == (part and part.group())


# --- tagger 2.3: accusations that were missed on real articles (sentences written for the test) ---

@pytest.mark.parametrize("text, accused", [
    # "X-sponsored/-backed" before more kinds of doer
    ("Four villagers were shot dead by Valdia-sponsored terrorists on Sunday.", "Valdia"),
    ("The raid targeted Norland-backed outfits near the river.", "Norland"),
    # support for terrorism with a modifier between
    ("The envoy said the talks would stay frozen until Valdia ends its support for cross-border terrorism.", "Valdia"),
    # a partial quotation that starts at the verb keeps its subject
    ("The governor said Valdian aircraft “bombed homes” in the valley.", "Valdian"),
    # a host named after a refuge
    ("Peace will not come while the Front keeps safe havens in Norland.", "Norland"),
    ("Norland must dismantle the sanctuaries within its borders.", "Norland"),
    # operating with impunity, terror treated as a tool, a breeding ground
    ("Everyone knows that the Front's leaders operate with near-total impunity from Norland.", "Norland"),  # the host, as case 28
    ("For years, Valdia has treated militancy not as a threat but as a useful instrument.", "Valdia"),
    ("The report once again highlights Norland's role as a breeding ground for terrorism.", "Norland"),
    # training more kinds of fighters
    ("Valdia denies everything. Its generals talk of peace while training suicide bombers.", "Valdia"),
])
def test_charges_missed_on_real_articles_are_found(text, accused):
    row = last_row(text)
    assert row.accusation == 1, text
    assert accused in str(row.accused), (text, row.accused)


@pytest.mark.parametrize("text", [
    # a city before a noun of wrongdoing is a place, not a party ("Mumbai bombings", "Delhi attack")
    "The attack was the deadliest since the 2008 Karachi bombings.",
    "It was the worst since the Delhi attacks of 2001.",
    # support for the fight against terrorism is no charge
    "The minister thanked Valdia for its support for the fight against terrorism.",
])
def test_no_charge_where_only_a_place_or_a_fight_against_terror_is_named(text):
    assert accusation_of(text) == 0, text


@pytest.mark.parametrize("text, accused", [
    ("The quarrel turns on Norland's support for extremists who have killed hundreds.", "Norland"),
    ("Talks ended with Valdia, which denied its involvement in the raid.", "Valdia"),
    ("Valdia and its notorious terror factories had it coming, the columnist wrote.", "Valdia"),
    ("Norland cannot absolve itself of its responsibilities.", "Norland"),
])
def test_more_charges_in_opinion_writing_are_found(text, accused):
    row = last_row(text)
    assert row.accusation == 1 and accused in str(row.accused), (text, row.accused)


# --- tagger 2.5: protests, framing, impersonal reports, page prompts, force against armed groups ------

@pytest.mark.parametrize("sentence", [
    "Norland has lodged a strong protest with Estavia over the firing along the border.",
    "Estavia conveys protest to Norland over the shelling of border villages",
    "The ministry registered its protest against the detention of the crew.",
])
def test_a_protest_that_states_its_grievance_is_reported_speech(sentence):
    assert label_of(sentence) == "attributed"


def test_a_protest_without_its_grievance_is_an_act_the_writer_reports():
    assert label_of("The ministry summoned the envoy and registered its protest on Monday.") == "fact"


@pytest.mark.parametrize("sentence", [
    "The raids are framed as a measured response to the attack on the bridge.",
    "Condemning the raid on the market, it was stressed that such acts break the truce.",
    "The council met on Monday, firmly rejecting the charges made by its neighbour.",
])
def test_framing_impersonal_reports_and_participles_after_an_adverb(sentence):
    assert label_of(sentence) == "attributed"


@pytest.mark.parametrize("line", [
    "Know more about this story?",
    "If you have more information or spotted an error, let us know.",
    "Your tips help us report better.",
    "More in World",
    "2024-05-02 1,204 views",
    # tagger 2.6: credits, captions, datelines, bylines, page tools, appeals
    "Photograph:( Karsk Press Agency )",
    "Mira Stolz—AFP",
    "Velmar Sep 3, 2031, 07.45 AM (IST)",
    "Trending:",
    "Text Size:",
    "top of page",
    "Anton Brask addresses supporters in this March 3, 2029 file photo.",
    "Written by: Mira Stolz",
    "(Last Updated On: March 3, 2031)",
    "+",
    "Help The Valley Courier sustain so that we continue to be editorially independent.",
    "Add as a preferred source on Google",
])
def test_reader_prompts_section_links_and_view_counts_are_page_furniture(line):
    text = f"Border talks resume in the valley\n\nDelegates met on Monday to discuss the crossing.\n\n{line}\n\n" \
           "The talks will continue next week, officials said."
    rows = tag_text(text)
    assert rows.loc[rows["text"] == line, "label"].astype(str).tolist() == ["meta"]


@pytest.mark.parametrize("text, accused", [
    ("The Norland army initiated firing along the border on Sunday.", "Norland army"),
    ("Norland had used mortars to shell forward posts in the valley.", "Norland"),
    ("For years, Estavia has allowed armed groups to operate openly within its borders.", "Estavia"),
])
def test_starting_fire_shelling_with_weapons_and_letting_groups_operate_are_charges(text, accused):
    assert find(text) == (1, "writer", accused)


@pytest.mark.parametrize("text, expected", [
    ("Norland jets struck militant hideouts in the valley.", 0),
    ("The operation targeted nine terror camps across the border.", 0),
    ("Norland jets struck a school in the valley.", 1),
    ("Norland troops raided a terrorist hideout and killed three shepherds.", 1),
])
def test_force_against_armed_groups_is_not_by_itself_a_charge(text, expected):
    assert find(text)[0] == expected


# --- tagger 2.6 --------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp", ["date 2031-03-14", "Updated: 2031-03-14 09:30", "2031-03-14"])
def test_a_date_stamp_that_opens_a_line_is_its_own_unit_and_meta(stamp):
    rows = tag_text(f"{stamp} Delegates from Norland and Estavia met at the crossing on Monday.")
    assert rows["text"].tolist() == [stamp, "Delegates from Norland and Estavia met at the crossing on Monday."]
    assert rows["label"].astype(str).tolist()[0] == "meta"


OPINION_PIECE = ("Editorial: The valley deserves better\n\n"
                 "The truce is a promise that neither capital seems willing to keep. "
                 "Leaders talk of peace while the guns speak louder than ever. "
                 "{sentence} "
                 "Patience has its limits, and the people of the valley have run out of it. "
                 "Nothing about this crisis is inevitable. "
                 "A lasting settlement begins with honesty about what went wrong.")


@pytest.mark.parametrize("sentence, expected", [
    ("The delegations were flown to the border town and signed the accord in the evening.", "fact"),
    ("The region remains hostage to the ambitions of a few generals in both capitals.", "advocacy"),
])
def test_in_an_opinion_piece_past_narration_stays_fact_but_judgements_do_not(sentence, expected):
    rows = tag_text(OPINION_PIECE.format(sentence=sentence))
    assert rows.loc[rows["text"] == sentence, "label"].astype(str).tolist() == [expected]


@pytest.mark.parametrize("text, accused", [
    ("Officials said Norland jets had shot down a civilian airliner over the pass.", "Norland"),
    ("The hijacking of the ferry by the Red Ridge Front shocked the coast.", "Red Ridge Front"),
    ("Officials spoke of Estavian subversion in the border provinces.", "Estavian"),
])
def test_shooting_down_hijacking_and_subversion_are_wrongs(text, accused):
    found = find(text, label="attributed", source="officials")
    assert found[0] == 1 and accused in found[2]


@pytest.mark.parametrize("sentence, expected", [
    # the writer's judgement naming an act of wrongdoing and a party
    ("Yet again the valley pays for Norland's shelling, a grim reminder of its intentions.", 1),
    # a prescription says what should be done, not what was done
    ("Norland must now prove that it can stop the attacks from its soil.", 0),
    # a state, not an act
    ("Safe havens across the valley remain a lasting worry for Estavia.", 0),
])
def test_the_writers_judgement_of_an_act_charges_the_party_it_names(sentence, expected):
    assert find(sentence, label="advocacy")[0] == expected


@pytest.mark.parametrize("sentence", [
    "The move is seen as a warning to the neighbour.",
    "The arrests were being viewed as a concession to the council.",
])
def test_passive_perception_frames_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


# --- tagger 2.7 --------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp, rest", [
    ("date 2031-03-14 –", "Norland says it will free the captured pilot on Friday."),
    ("EDITORIAL:", "Norland and Estavia have agreed to a ceasefire in talks at the lakeside."),
])
def test_a_stamp_with_a_dash_and_a_glued_section_label_are_their_own_units(stamp, rest):
    rows = tag_text(f"{stamp} {rest}")
    assert rows["text"].tolist() == [stamp, rest]
    assert rows["label"].astype(str).tolist()[0] == "meta"


def test_a_byline_after_a_date_stamp_on_its_line_is_meta():
    rows = tag_text("Pilot to be freed on Friday\n\ndate 2031-03-14 By KNS\n\n"
                    "KERSK: Norland said on Thursday it would free the pilot.")
    assert rows["label"].astype(str).tolist() == ["fact", "meta", "meta", "attributed"]


def test_a_byline_that_ends_the_headlines_line_is_meta():
    rows = tag_text("Norland and Estavia May Not Go to War. By Ada Kern – The Lakeside Post\n\n"
                    "Shots were exchanged across the pass on Tuesday, officials said.")
    assert rows["label"].astype(str).tolist()[-2:] == ["meta", "attributed"]


@pytest.mark.parametrize("line", [
    "(KNS)", "LAKESIDEPOST.COM", "Lakesidepost.com", "TODAY'S PAPER | March 14, 2031 | E-PAPER",
    "Font size: Smaller Larger", "/lakeside/media/images/2031/03/talks-14.jpeg)", "Kersk Wire –", "─ Kersk TV",
])
def test_credits_site_names_label_rows_image_paths_and_outlet_tags_are_meta(line):
    rows = tag_text(f"Talks resume in the capital\n\nThe delegations met on Monday. They talked for three hours.\n\n"
                    f"{line}\n\nThe talks ended at noon.")
    assert rows["label"].astype(str).tolist() == ["fact", "fact", "fact", "meta", "fact"]


def test_a_one_word_masthead_above_the_title_is_not_the_headline():
    rows = tag_text("Norland\n\nTwo guards killed in clash at the border post\n\n"
                    "Two guards were killed at the post on Monday, officials said.")
    assert rows["role"].astype(str).tolist()[:2] == ["furniture", "headline"]


def test_a_caption_with_its_credit_on_one_line_and_the_line_under_an_image_are_meta():
    rows = tag_text("Talks resume in the capital\n\n"
                    "The foreign minister speaks to reporters in Kersk. ─ Kersk TV\n\n"
                    "The minister said on Monday that the talks would resume.")
    assert rows["label"].astype(str).tolist() == ["fact", "meta", "attributed"]
    rows = tag_text("/lakeside/media/minister-2031.jpeg)\nAda Kern\nKERSK: The minister spoke to reporters on Monday.")
    assert rows["label"].astype(str).tolist()[:2] == ["meta", "meta"]


@pytest.mark.parametrize("sentence, expected", [
    ("Shouts could be heard from the square long after midnight.", "fact"),
    ("The ministry could not be reached for comment on Monday.", "fact"),
    ("The clash could widen into a war between the two states.", "advocacy"),
])
def test_could_of_perception_is_not_a_prediction(sentence, expected):
    assert label_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "With the shelling of the lakeside town, a red line has been crossed.",
    "The raid was not an isolated incident but part of a growing pattern.",
    "The truce offers a window of opportunity for both capitals.",
    "The announcement lowered tensions along the pass within hours.",
])
def test_figurative_and_interpretive_phrases_are_the_writers_judgement(sentence):
    assert label_of(sentence) == "advocacy"


@pytest.mark.parametrize("sentence", [
    "Three guards killed in attack on border post: police",
    "• Our forces repelled the assault along the whole border: KDF",
    "The government felt it had to take a firmer line.",
    "The Red Front bragged about the raid on the depot.",
    "He expressed his view that the talks had failed.",
])
def test_headings_credited_after_a_colon_and_beliefs_or_boasts_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


def test_a_colon_heading_that_is_not_a_source_is_not_attributed():
    assert label_of("Talks resume: what next for the valley") != "attributed"


@pytest.mark.parametrize("text, accused", [
    ("Furthermore, the Norland government has repeatedly exploited the border for political gains.", "Norland government"),
    ("Clashes happen mostly because of provocations from the Estavian side.", "Estavian"),
    ("Kersk says the Red Front has training centres in these two provinces.", "Red Front"),
    ("The Lakeside Post called the story a false flag narrative spread by the Norland army.", "Norland army"),
])
def test_a_word_of_wrongdoing_with_a_named_party_is_a_charge(text, accused):
    rows = tag_text("Talks resume in the capital\n\nNorland and Estavia met again. " + text)
    assert int(rows.iloc[-1]["accusation"]) == 1 and accused in rows.iloc[-1]["accused"]


@pytest.mark.parametrize("text", [
    "Norland must continue its efforts to combat terrorism within its borders.",
    "Norland forces repelled the infiltration near the pass on Monday.",
    "Two Norland soldiers were killed in the attack near the lake.",
    "The attack in Kersk left four people dead on Monday.",
    "Estavian jets struck militant hideouts in the hills.",
    "The attack on the market in Kersk shocked the town.",
])
def test_no_charge_where_the_wrong_is_countered_suffered_asked_about_or_only_placed(text):
    rows = tag_text("Talks resume in the capital\n\nNorland and Estavia met again. " + text)
    assert int(rows.iloc[-1]["accusation"]) == 0


# --- tagger 2.8 --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("We are caught in a strange cycle of blows and counter-blows.", "advocacy"),
    ("I cannot watch the news from the valley without anger.", "advocacy"),
    ("We counted 14 trucks at the crossing on Monday.", "fact"),  # a number and a day: checkable
    ("In this article, we will explore the claims made by both capitals.", "fact"),  # signposting
])
def test_the_writer_speaking_as_i_or_we_takes_a_stance(sentence, expected):
    assert label_of(sentence) == expected


def test_a_preposition_that_opens_the_sentence_is_not_the_accused():
    found = find("For years, the Norland army has played a double game on the border.", label="advocacy")
    assert found[0] == 1 and found[2] == "Norland army"


def test_an_ad_slot_or_an_also_read_link_inside_an_article_does_not_end_it():
    body = " ".join(f"The delegates met for the {n} time on Monday." for n in ("first", "second", "third"))
    text = ("Talks resume in the capital\n\n" + "\n\n".join([body] * 4) + "\n\nAdvertisement\n\n"
            "ALSO READ: Ferry link to reopen next week\n\nThe talks ended at noon on Monday, officials said.")
    assert tag_text(text)["label"].astype(str).tolist()[-1] == "attributed"


def test_an_agency_credit_that_ends_the_text_does_not_make_the_line_before_a_caption():
    text = ("Guards killed at the crossing\n\nTwo guards were killed at the crossing on Monday, officials said.\n\n"
            "Last year, 16 people were killed in 40 incidents of firing across the line.\n\nKNA")
    assert tag_text(text)["label"].astype(str).tolist()[-2:] == ["fact", "meta"]


@pytest.mark.parametrize("line", [
    "Kersk, Publish Date: Jan 21 2031 10:36PM | Updated Date: Jan 21 2031 10:36PM",
    "Dated: 12/5/2031 1:42:18 PM", "Latest Stories", "(With KNA inputs)",
    "(Writing by A. Writer in Kersk; Editing by B. Editor)", "ArmyAmber / Pixabay",
    "by A. B. Writer • May 29, 2031 at 5:00 am", "The Lakeside Times",
])
def test_date_lines_wire_credits_stock_photo_credits_dated_bylines_and_outlet_names_are_meta(line):
    rows = tag_text(f"Talks resume in the capital\n\nThe delegations met on Monday. They talked for three hours.\n\n"
                    f"{line}\n\nThe talks ended at noon.")
    assert rows["label"].astype(str).tolist()[:4] == ["fact", "fact", "fact", "meta"]


def test_a_byline_with_a_colon_is_not_a_heading_credited_to_a_source():
    assert tag_text("Written by: Ada Kern\n\nThe talks ended at noon.")["label"].astype(str).tolist()[0] != "attributed"


@pytest.mark.parametrize("sentence", [
    "“We will not leave this act unanswered,” the ministry said, using its own name for the council that runs it.",
    "The minister assured the public that no one would be arrested without a warrant.",
    "The accord also states that attacks on civilians should not occur.",
    "The council had recommended that the two sides should meet again.",
])
def test_a_reporting_frame_wins_over_a_modal_inside_what_is_reported(sentence):
    assert label_of(sentence) == "attributed"


# --- tagger 2.9 --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Norland claims to have shot down two drones over the river.",
    "Many traders complained of delays at the crossing.",
    "The ministry made it clear that the talks would go on.",
    "The envoy was of the view that the ceasefire would hold.",
    "Kersk deems the new fence a breach of the accord.",
    "The two capitals exchanged accusations over the shelling.",
    "The council expressed gratitude to its neighbours for hosting the talks.",
    "“All our tents were left behind,” the farmer said as he stood by the road.",
    "‘All our tents were left behind,’ the farmer said as he stood by the road.",
    "As the spokesman recently stated, the convoy never crossed the line.",
    "As reported, the delegates left the hall before noon.",
])
def test_reporting_phrases_closing_frames_with_a_phrase_and_as_frames_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


@pytest.mark.parametrize("sentence", [
    "The ferry sank in the storm, the claim at the heart of the lawsuit.",
    "The minister has tried to shift the blame onto the opposition.",
    "The ceasefire allayed fears that the war could spread.",
])
def test_a_cue_word_used_as_a_noun_is_not_a_reporting_frame(sentence):
    assert label_of(sentence) != "attributed"


@pytest.mark.parametrize("sentence", [
    "Norland should not blame its neighbour for its own failures.",
    "One could say the talks had already failed before they began.",
    "We believe that only an impartial inquiry can settle the matter.",
])
def test_a_cue_in_the_writers_own_voice_is_not_a_report(sentence):
    assert label_of(sentence) == "advocacy"


def test_a_hedged_cue_with_an_impersonal_subject_is_not_a_report():
    assert label_of("This can be described as a gamble with the lives of farmers.") != "attributed"


def test_a_heading_that_prescribes_a_speech_act_is_advocacy():
    assert labels("Kersk should not blame Norland for its troubles\n\nThe talks ended at noon.")[0] == "advocacy"


@pytest.mark.parametrize("line", [
    "Skip to main content", "Don't you have an account with Kersk Daily?", "Comments (0)",
    "Read: Ferry link to reopen next week", "Read full story: Ferry link to reopen next week",
    "END OF ARTICLE", "Adjust font size:", "Representative Image (File Photo: KNA)",
    "A. Writer (C) speaks to farmers at a market in Kersk during a protest against the fence, May 3, 2031.",
    "Farmers walk past a burnt truck near the crossing in May [A. Photographer/Reuters]",
])
def test_skip_links_account_prompts_links_end_marks_tools_and_captions_are_meta(line):
    assert_meta_inside_an_article(line)


def test_a_labelled_byline_on_the_first_line_is_not_the_headline():
    rows = tag_text("Written by: Ada Kern\n\nTalks resume in the capital\n\nThe delegations met on Monday.")
    assert rows["role"].astype(str).tolist()[:2] == ["byline", "headline"]


@pytest.mark.parametrize("text, first, second", [
    ("By Reuters KERSK, Norland - The talks resumed on Monday. Both sides attended.", "By Reuters", "meta"),
    ("Opinion - Why the river talks matter", "Opinion -", "meta"),
    ("The talks ended with no statement on Monday. Endit", "Endit", "meta"),
])
def test_an_agency_byline_a_section_label_and_an_end_mark_are_units_of_their_own(text, first, second):
    rows = tag_text("Talks resume in the capital\n\nThe delegations met on Monday.\n\n" + text)
    hit = rows[rows["text"] == first]
    assert len(hit) == 1 and hit["label"].iloc[0] == second


@pytest.mark.parametrize("sentence", [
    "Only a masterstroke of diplomacy could have saved the summit.",
    "Once again, the council has been found wanting.",
    "Kersk is yet to show any sincerity in the inquiry.",
    "The real story is the collapse of trust between the two capitals.",
    "The empty checkpoints are a telling sign of the army's retreat.",
    "It is due time that both capitals talked.",
])
def test_phrases_of_judgement_and_prescription_without_a_modal_are_advocacy(sentence):
    assert label_of(sentence) == "advocacy"


def _opinion_piece(sentence):
    body = ("Editorial\n\nThe river talks\n\nThe border is a wound that never heals. Trust is the first casualty "
            "of every clash. Peace needs patience more than pride. Leaders trade insults instead of ideas. "
            "Farmers pay for every failure of nerve. ")
    return tag_text(body + sentence).iloc[-1]


@pytest.mark.parametrize("sentence, expected", [
    ("The exchange of fire finally came to an end after long negotiations.", "fact"),  # irregular past
    ("Norland and Kersk have reached a ceasefire in talks hosted by a neighbour.", "fact"),  # present perfect
    ("The Norland army shelled the border villages of the valley.", "fact"),  # a charge stated as fact
    ("The whole border is a tragedy that nobody in the capital wants to see.", "advocacy"),
])
def test_in_an_opinion_piece_reported_acts_and_charges_stay_fact(sentence, expected):
    assert _opinion_piece(sentence)["label"] == expected


@pytest.mark.parametrize("text, accused", [
    ("Both sides accuse each other of starting the firing.", "Norland"),
    ("He accused the military of abandoning its own soldiers.", "Norland"),
    ("Traders allege that the Kersk government is trying to suppress the protest.", "Kersk government"),
])
def test_charges_against_each_other_an_institution_and_oppression_are_accusations(text, accused):
    row = last_row("Norland and Kersk traded fire across the river on Monday. " + text)
    assert row["accusation"] == 1 and accused in row["accused"]


def test_an_anaphor_accused_is_named_whole_not_letter_by_letter():
    row = last_row("The Northern Front shelled the town on Monday. Officials accused the group of the attack.")
    assert row["accusation"] == 1 and row["accused"] == "Northern Front"


# --- tagger 2.10 -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "KNA", "AFP, KERSK", "Pics/KNA", "(A. Photographer/Kersk Press)", "4 Min", "IAF Jet_edited", "The........",
    "Dear Friends,", "KersKNewsHot NewsPopular PostsTrending Now",
])
def test_agency_lines_slash_credits_reading_times_file_names_cut_marks_salutations_and_menus_are_meta(line):
    assert_meta_inside_an_article(line)


def test_names_joined_by_an_ampersand_are_a_byline_and_by_with_a_small_letter_is_not():
    rows = tag_text("Talks resume in the capital\n\nAda Kern & Bo Lind\n\nThe delegations met on Monday.\n\nBy leaving early")
    assert rows["role"].astype(str).tolist()[1] == "byline"
    assert rows["role"].astype(str).tolist()[-1] != "byline"


def test_a_caption_above_a_slash_credit_is_meta():
    text = ("Talks resume in the capital\n\nThe delegations met on Monday.\n\n"
            "Children play in a camp near the border.\n\n(A. Photographer/Kersk Press)\n\n"
            "The talks ended at noon on Monday. The delegates left. They will meet again. Nobody spoke.")
    assert tag_text(text)["label"].astype(str).tolist()[2:4] == ["meta", "meta"]


@pytest.mark.parametrize("sentence", [
    "He continued, the whole press of the capital had spread panic.",
    "“The dead number 46, most of them children,” the spokesman said, adding that six were wounded, most of them children.",
    "'All our tents were left behind,' the farmer said as he stood in a dusty, windy camp by the road.",
    "By Norland's count, the shelling has killed more than 200 people in ten years.",
    "Kersk holds Norland responsible for the attack on the train.",
    "Ada Kern, an official with the ministry of roads in the valley said the bridge had collapsed.",
    "Many traders gave the impression that the crossing would reopen.",
    "Several people are feared to have been injured on both sides.",
    "Kersk has historically regarded itself as a guardian of the valley.",
    "The decision faced international criticism from aid groups.",
])
def test_opening_and_closing_frames_and_phrases_of_2_10_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


def test_a_heading_credited_to_sources_before_a_colon_is_attributed():
    assert labels("Sources: Border guards of both sides clash again\n\nThe talks ended at noon.")[0] == "attributed"


@pytest.mark.parametrize("sentence", [
    "He did not condemn the attack on the market.",
    "It was not even mentioned in any of the earlier rounds.",
    "But what can be said is that this was the first raid in forty years.",
    "Norland launched a swift raid, reportedly targeting three camps near the river.",
    "The army has declared war on the smuggling gangs.",
])
def test_negated_impersonal_and_phrase_bound_cues_and_acts_are_not_reports(sentence):
    assert label_of(sentence) != "attributed"


def test_an_exclamation_in_the_writers_voice_is_advocacy():
    assert label_of("What a shameful week for the valley!") == "advocacy"


def test_sentences_run_together_without_a_space_are_split_but_not_after_an_abbreviation():
    rows = tag_text("Talks resume in the capital\n\nThe talks ended at noon.Both sides left the hall. Mr.Kern stayed.")
    assert rows["text"].astype(str).tolist()[1:] == ["The talks ended at noon.", "Both sides left the hall.",
                                                     "Mr.Kern stayed."]


def test_shooting_at_people_is_a_wrong():
    found = find("Norland troops shot at and injured a farmer in a border village.")
    assert found[0] == 1 and found[2] == "Norland troops"


# --- tagger 2.11 -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "- Advertisement -", "K.P. Report", "Web Desk", "Facebook - Kersk Daily", "Journal : Kersk Review",
    "Illustration: A. Artist/KR", "(KNA)", "REUTERS/Ada Kern", "Unlock Exclusive Insights with Kersk Premium",
    "Click to jump to an expert's analysis:", "You must be logged in to comment",
])
def test_ads_desk_credits_social_links_archive_labels_and_prompts_are_meta(line):
    assert_meta_inside_an_article(line)


def test_title_case_subheadings_joined_by_and_are_not_bylines():
    rows = tag_text("Talks resume in the capital\n\nThe delegations met on Monday.\n\nEconomic Fallout and Trade Isolation\n\n"
                    "The talks ended at noon on Monday.")
    assert rows["role"].astype(str).tolist()[2] != "byline"


@pytest.mark.parametrize("text, role", [
    ("Author: Ada Kern, head of the river institute at the university of Kersk\n\nTalks resume\n\nThe talks ended.", "byline"),
    ("By Ada Kern\n\nTalks resume in the capital\n\nThe talks ended.", "byline"),
])
def test_labelled_and_plain_bylines_on_the_first_line(text, role):
    assert tag_text(text)["role"].astype(str).tolist()[0] == role


@pytest.mark.parametrize("sentence", [
    "Kersk now calls this a “betrayal.”",
    "Scholars in the capital consistently characterise Norland as the aggressor.",
    "The council expressed grave concerns about the shelling.",
    "Norland has issued a strong condemnation of the raid.",
    "Both parties fulminated against the border guards.",
])
def test_naming_concern_and_condemnation_frames_are_attributed(sentence):
    assert label_of(sentence) == "attributed"


@pytest.mark.parametrize("sentence", [
    "A total of 300 violations took place on the border, claiming the lives of 72 guards.",
    "Both nations claim it in full and have fought two wars over it.",
])
def test_claims_of_lives_and_of_territory_are_not_reports(sentence):
    assert label_of(sentence) != "attributed"


@pytest.mark.parametrize("sentence, expected", [
    ("Against such a grim backdrop, the thaw is most welcome.", "advocacy"),
    ("The ban on the ferries was not acceptable to the traders, who protested on Monday.", "fact"),  # not in the list
    ("The outcome of the talks is encouraging.", "advocacy"),
    ("We hope that the ceasefire agreed in 2021 will hold.", "advocacy"),  # a number does not make a hope checkable
])
def test_a_judging_predicate_and_the_writers_own_hope_are_advocacy(sentence, expected):
    assert label_of(sentence) == expected
