"""How a trigger finds its actors when they are not its plain subject and object.

Each case is text written for the test, run through the real spaCy pipeline; the
rules are grammar in kg/extract.py, the words they need are data in
ontology/triggers.yaml and seeds/actors.yaml.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kg.evidence import date_expressions, nearest_date
from kg.nlp import load_pipeline
from kg.spans import trim
from tests.test_hard_cases import dated, relations


def test_the_thing_called_baseless_is_rejected_with_its_owner(tmp_path):
    found = relations(
        tmp_path, "Norland's foreign ministry called Qaresh's assertions \"baseless\" on Friday."
    )
    assert ("Norland", "rejected", "Qaresh") in found


def test_the_one_expected_to_act_is_the_object_of_a_demand(tmp_path):
    found = relations(
        tmp_path,
        "Pakistan expects the Afghan government to deny use of its soil to militants, "
        "the military said.",
    )
    assert ("Pakistan", "demanded", "Afghanistan") in found


def test_a_concession_is_to_the_owner_of_the_demands_it_yields_to(tmp_path):
    found = relations(
        tmp_path,
        "President Ilkka Rantanen backed down on Thursday in the face of Qaresh's demands.",
    )
    assert ("Ilkka Rantanen", "conceded", "Qaresh") in found


def test_tariffs_on_a_countrys_exports_sanction_that_country(tmp_path):
    found = relations(
        tmp_path,
        "Canada imposed new tariffs on $20.7 billion worth of U.S. exports on Thursday.",
    )
    assert ("Canada", "sanctioned", "United States") in found


def test_a_possessive_in_the_object_belongs_to_the_clause_subject(tmp_path):
    found = relations(
        tmp_path,
        "The G7 countries affirmed their unwavering support for Ukraine on Friday.",
    )
    assert ("G7", "supported", "Ukraine") in found


def test_agreeing_with_a_proposal_is_agreeing_with_its_author(tmp_path):
    found = relations(tmp_path, "Norland agrees with the U.S. proposal of a ceasefire.")
    assert ("Norland", "agreed", "United States") in found


def test_barring_entry_is_a_sanction(tmp_path):
    found = relations(
        tmp_path, "The Taliban have prohibited Ilkka Rantanen from entering Afghanistan."
    )
    assert ("Taliban", "sanctioned", "Ilkka Rantanen") in found


def test_a_city_stands_for_its_country_only_when_attacked(tmp_path):
    found = relations(
        tmp_path,
        "Russian aircraft bombed Kharkiv overnight. Ilkka Rantanen visited Kharkiv on Friday.",
    )
    assert ("Russia", "attacked", "Ukraine") in found
    assert not any("Kharkiv" in (s, o) for s, _, o in found)
    assert not any(r == "met" for _, r, _ in found)


def test_an_earlier_act_reported_on_a_day_does_not_take_that_day(tmp_path):
    found = dated(
        tmp_path,
        "Ilkka Rantanen confirmed on Wednesday that the Taliban had barred him from entering "
        "the country.",
    )
    assert found[("Taliban", "sanctioned", "Ilkka Rantanen")] is None


def test_the_two_countries_are_the_two_last_named(tmp_path):
    found = relations(
        tmp_path,
        "Egypt and Turkey fell out over fishing rights in 2013. "
        "In March both countries withdrew their ambassadors.",
    )
    assert ("Egypt", "sanctioned", "Turkey") in found
    assert ("Turkey", "sanctioned", "Egypt") in found


def test_a_relative_clause_gives_a_noun_its_actors(tmp_path):
    found = relations(
        tmp_path,
        "The sanctions Washington has imposed on Moscow remain in place.",
    )
    assert ("United States", "sanctioned", "Russia") in found


def test_a_country_named_before_an_act_noun_is_its_doer(tmp_path):
    found = relations(tmp_path, "The Turkish economy suffered after U.S. sanctions on Turkey.")
    assert ("United States", "sanctioned", "Turkey") in found


def test_a_demand_that_someone_act_names_the_one_asked(tmp_path):
    found = relations(
        tmp_path,
        "Ilkka Rantanen demanded that Canada must drop its tariffs. "
        "Leila Haddad insisted that Rantanen would meet her.",
    )
    assert ("Ilkka Rantanen", "demanded", "Canada") in found
    assert not any(r == "demanded" and s == "Leila Haddad" for s, r, _ in found)


def test_calling_what_someone_said_insulting_is_criticism(tmp_path):
    found = relations(tmp_path, "Leila Haddad called Ilkka Rantanen's comments “insulting.”")
    assert ("Leila Haddad", "criticized", "Ilkka Rantanen") in found


def test_a_passive_with_no_doer_names_nobody(tmp_path):
    found = relations(
        tmp_path,
        "The talks will be chaired by Ilkka Rantanen, and Leila Haddad and Elena Haddad are "
        "expected to attend.",
    )
    assert not any(r == "demanded" for _, r, _ in found)


def test_a_leader_acting_on_their_own_country_is_no_relation(tmp_path):
    found = relations(
        tmp_path, "Mexican President Claudia Sheinbaum sent troops to Mexico's northern border."
    )
    assert not any(o == "Mexico" for _, _, o in found)


def test_both_sides_are_the_sides_other_than_the_one_who_speaks(tmp_path):
    found = relations(
        tmp_path,
        "Azerbaijan massed troops on the border with Armenia on Monday. "
        "China called on both sides to show restraint.",
    )
    assert ("China", "demanded", "Azerbaijan") in found
    assert ("China", "demanded", "Armenia") in found


def test_a_pronoun_object_is_not_its_own_subject(tmp_path):
    found = relations(
        tmp_path,
        "The United States warned Wednesday that it would keep up the pressure, as Tehran "
        "rejected its offer of talks.",
    )
    assert ("Iran", "rejected", "United States") in found


def test_a_speaker_naming_who_acts_inside_a_long_quotation_counts(tmp_path):
    found = relations(
        tmp_path,
        '"Pakistan expects the Afghan government to deny its soil to terrorists who attack '
        'Pakistan," the military said in a statement.',
    )
    assert ("Pakistan", "demanded", "Afghanistan") in found


def test_attending_a_meeting_someone_organised_is_meeting_them(tmp_path):
    found = relations(tmp_path, "The Taliban attended a NATO summit in Doha.")
    assert ("Taliban", "met", "NATO") in found
    spoke = relations(tmp_path, "Speaking at a NATO summit, Ilkka Rantanen left early.")
    assert spoke == set()


def test_i_in_a_quotation_is_its_speaker(tmp_path):
    found = relations(
        tmp_path,
        "“I strongly condemn the attack and I stand with President Ilkka Rantanen,” "
        "Leila Haddad told reporters on Friday.",
    )
    assert ("Leila Haddad", "supported", "Ilkka Rantanen") in found


def test_we_in_a_quotation_is_the_body_its_speaker_speaks_for(tmp_path):
    found = relations(
        tmp_path,
        "“We condemn the shelling of Kharkiv by Russian forces in the strongest terms,” "
        "the NATO spokesperson said.",
    )
    assert ("NATO", "criticized", "Russia") in found


def test_a_list_is_no_relation_between_its_members(tmp_path):
    found = relations(
        tmp_path,
        "Both Pakistan and China reject the claims. "
        "Envoys of France, Russia and Mexico attended a meeting on Haiti. "
        "The two presidents are cooperating despite backing rival sides in the war.",
    )
    assert not any(r in ("rejected", "met", "supported") for _, r, _ in found)


def test_the_accused_of_a_participle_are_not_accusers(tmp_path):
    found = relations(
        tmp_path, "Two Ivorian soldiers and a mercenary from Belarus stand accused of the bombing."
    )
    assert found == set()


def test_people_named_by_their_tie_to_someone_are_not_that_someone(tmp_path):
    found = relations(
        tmp_path, "Leila Haddad said her supplier blamed restrictions imposed by Ilkka Rantanen."
    )
    assert not any(s == "Leila Haddad" for s, _, _ in found)


def test_who_is_the_person_the_clause_describes(tmp_path):
    found = relations(
        tmp_path,
        "The ministry is led by Attorney General Maria Porras, who was sanctioned by the "
        "European Union in 2024.",
    )
    assert ("European Union", "sanctioned", "Maria Porras") in found


def test_an_administration_is_the_country_its_leader_heads(tmp_path):
    found = relations(tmp_path, "Fu Cong blamed the Trump administration for disrupting the deal.")
    assert ("Fu Cong", "accused", "United States") in found


def test_a_capital_stands_for_its_government(tmp_path):
    found = relations(tmp_path, "In December, Mogadishu cut ties with Kenya.")
    assert ("Somalia", "sanctioned", "Kenya") in found


def test_a_phone_conversation_is_speaking_with_the_one_told(tmp_path):
    found = relations(
        tmp_path,
        "Claudia Sheinbaum told Donald Trump in a phone conversation last week that she had "
        "made progress.",
    )
    assert ("Claudia Sheinbaum", "spokeWith", "Donald Trump") in found or (
        "Donald Trump",
        "spokeWith",
        "Claudia Sheinbaum",
    ) in found


def test_the_parties_of_a_deal_brokered_between_them(tmp_path):
    found = relations(tmp_path, "Qatar brokered a deal between Israel and Hamas last month.")
    assert {("Qatar", "mediated", "Israel"), ("Qatar", "mediated", "Hamas")} <= found


def test_troops_sent_to_a_border_are_mobilized_against_the_neighbour(tmp_path):
    found = relations(tmp_path, "Azerbaijan deployed troops to the border with Armenia.")
    assert ("Azerbaijan", "mobilized", "Armenia") in found


def test_officials_in_a_country_act_for_it(tmp_path):
    found = relations(
        tmp_path, "Prosecutors in Poland launched an investigation into Russia's GRU."
    )
    assert ("Poland", "investigated", "GRU") in found


def test_missiles_fired_at_a_country_attack_it(tmp_path):
    found = relations(tmp_path, "Iran fired missiles at Israel on Saturday.")
    assert ("Iran", "attacked", "Israel") in found


def test_a_pronoun_outside_a_quotation_does_not_point_into_it(tmp_path):
    found = relations(
        tmp_path,
        "President Jovenel Moise condemned the jailbreak. "
        '"The police are instructed to take all measures," he tweeted. '
        "Earlier this week, he was criticized by the United Nations for the violence.",
    )
    assert ("United Nations", "criticized", "Jovenel Moise") in found


def test_a_heading_run_into_a_name_is_cut_off(tmp_path):
    found = relations(
        tmp_path,
        "Haiti's President Jovenel Moise spoke on Monday. Reaction from President Moise "
        "Shortly before the briefing, Andy Levin slammed Moise for the jailbreak.",
    )
    assert ("Andy Levin", "criticized", "Jovenel Moise") in found


def test_a_phrase_quoted_inside_the_reporters_sentence_counts(tmp_path):
    found = relations(
        tmp_path,
        "The statement said the G7 countries affirmed their “unwavering support for Ukraine "
        "in defending its territorial integrity and its sovereignty.”",
    )
    assert ("G7", "supported", "Ukraine") in found
    assert not any(o == "Russia" for _, _, o in found)


def test_a_speakers_quotation_naming_no_doer_inside_stays_out(tmp_path):
    found = relations(
        tmp_path,
        "“The sanctions imposed on Russia are working and must stay in place,” Ilkka "
        "Rantanen said on Friday.",
    )
    assert not any(s == "Ilkka Rantanen" for s, _, _ in found)


def test_invented_countries_and_their_adjectives_are_one_actor_each(tmp_path):
    found = relations(
        tmp_path,
        "Valmoran President Tomas Aguirre accused Kestria of sending warships into Valmoran "
        "waters. The next day, Kestrian coast guard vessels detained two Valmoran trawlers. "
        "Valmora responded by recalling its ambassador from Kestria on Thursday. "
        "Kestrian Prime Minister Ingrid Solberg later spoke by telephone with German "
        "Chancellor Olaf Scholz, who urged both sides to show restraint.",
        date="2025-05-16",
    )
    assert {
        ("Tomas Aguirre", "accused", "Kestria"),
        ("Kestria", "coerced", "Valmora"),
        ("Valmora", "sanctioned", "Kestria"),
        ("Olaf Scholz", "demanded", "Kestria"),
        ("Olaf Scholz", "demanded", "Valmora"),
    } <= found
    assert not any("Germany" in (s, o) for s, _, o in found)


def test_a_threatened_act_aims_at_its_target(tmp_path):
    found = relations(
        tmp_path,
        "Brevonia and Castamar quarrel over fish. On Saturday the Castamari defence minister, "
        "Rui Salgado, threatened to sink any Brevonian warship that crossed into its waters. "
        "Norland's President Ilkka Rantanen threatened to use force against Qaresh.",
    )
    assert ("Rui Salgado", "threatened", "Brevonia") in found
    assert ("Ilkka Rantanen", "threatened", "Qaresh") in found


def test_a_warning_about_someone_elses_act_threatens_no_one(tmp_path):
    found = relations(
        tmp_path,
        "Norland's President Ilkka Rantanen warned that Qaresh would attack Drevnia. "
        "Ostmark is warning it could turn to Drevnia for arms.",
    )
    assert not {r for r in found if r[1] == "threatened"}


def test_forces_named_by_a_word_in_front_act_for_their_state(tmp_path):
    found = relations(
        tmp_path,
        "Brevonia and Castamar quarrel over fish. Castamari coast guard cutters seized the "
        "Brevonian vessel on 2 March. Germany and Ilvaria share a border. Ilvarian and German "
        "customs officers have cooperated against smugglers since 2019.",
    )
    assert ("Castamar", "coerced", "Brevonia") in found
    assert {("Ilvaria", "cooperated", "Germany"), ("Germany", "cooperated", "Ilvaria")} & found


def test_a_counted_crowd_acts_for_the_body_it_belongs_to_not_its_nation(tmp_path):
    found = relations(
        tmp_path,
        "Thousands of members of the Veltrian Dockers’ Federation protested against President "
        "Rodrigo Saltz on Monday. Hundreds of Norlandic tourists protested against Qaresh.",
    )
    assert ("Veltrian Dockers’ Federation", "protested", "Rodrigo Saltz") in found
    assert not {r for r in found if r[0] == "Norland"}


def test_a_blow_at_a_place_of_a_nation_is_an_attack_on_it(tmp_path):
    found = relations(
        tmp_path,
        "Karvenia and Dalmora are at war. Karvenian drones struck a fuel depot in the "
        "Dalmoran port of Essel on 12 November. Militants attacked a train near Sibi.",
    )
    assert ("Karvenia", "attacked", "Dalmora") in found
    assert not {r for r in found if r[2] == "Sibi"}


def test_a_noun_event_takes_its_doer_from_by(tmp_path):
    found = relations(tmp_path, "The invasion of Qaresh by Norland began in 2019.")
    assert ("Norland", "attacked", "Qaresh") in found


def test_a_claim_in_harsh_words_about_a_named_actor_is_criticism(tmp_path):
    found = relations(
        tmp_path,
        "Norland's President Ilkka Rantanen contended in a post that Qaresh is “one of the "
        "most hostile and abusive regimes in the world.” Qaresh's spokeswoman, Leila Haddad, told "
        "reporters that Norland was raising tariffs because “Drevnia has been ripping off "
        "Norland for decades.”",
    )
    assert ("Ilkka Rantanen", "criticized", "Qaresh") in found
    assert ("Leila Haddad", "criticized", "Drevnia") in found
    assert ("Leila Haddad", "criticized", "Norland") not in found


def test_a_claim_about_no_one_or_denied_criticizes_no_one(tmp_path):
    found = relations(
        tmp_path,
        "Ilkka Rantanen met Qaresh's President Leila Haddad on Monday. \"This is an unacceptable "
        'situation," Rantanen said. Haddad said Norland was not hostile.',
    )
    assert not {r for r in found if r[1] == "criticized"}


def test_an_adjective_before_a_noun_is_no_trigger(tmp_path):
    found = relations(
        tmp_path,
        "Following talks with Qaresh's President Leila Haddad, Ilkka Rantanen reaffirmed their "
        "commitment to a free and open sea.",
    )
    assert not {r for r in found if r[1] == "retreated"}


def test_ones_own_thing_in_a_threat_aims_at_no_one(tmp_path):
    found = relations(
        tmp_path,
        "Ilkka Rantanen met Leila Haddad on Monday. The Qareshi Liberation Front denounced the "
        "delay and threatened to break their cease-fire with the army.",
    )
    assert not {r for r in found if r[1] == "threatened"}


def test_a_role_with_a_name_beside_it_is_the_name(tmp_path):
    found = relations(
        tmp_path,
        "Veltria is a country. The federation's chairman, Emil Baros, was detained by "
        "Veltrian police on Monday.",
    )
    assert ("Veltria", "coerced", "Emil Baros") in found


def test_two_places_read_as_one_name_are_two_actors(tmp_path):
    found = relations(
        tmp_path,
        "Norland and Qaresh are neighbours. Ilkka Rantanen offered to mediate between Qaresh "
        "and Drevnia. Norlandic troops killed three Qareshi soldiers on Friday.",
    )
    assert ("Norland", "attacked", "Qaresh") in found
    assert not {r for r in found if " and " in r[0] or " and " in r[2]}


def test_a_purpose_or_a_call_for_an_act_is_no_act(tmp_path):
    found = relations(
        tmp_path,
        "Prosecutors say Rafat Amirov hired Khalid Mehdiyev to kill Leila Haddad. "
        "Norland's President Ilkka Rantanen called for a total war against Qaresh.",
    )
    assert not {r for r in found if r[1] == "attacked"}


def test_harsh_words_in_a_clause_of_their_own_say_nothing_of_the_speakers_subject(tmp_path):
    found = relations(
        tmp_path,
        "Ilkka Rantanen met Leila Haddad on Monday. Khalid Mehdiyev said Rantanen is "
        "cooperating with prosecutors after pleading guilty to illegal possession of a gun.",
    )
    assert not {r for r in found if r[1] == "criticized"}


def test_declaring_a_states_diplomats_unwelcome_sanctions_the_state(tmp_path):
    found = relations(
        tmp_path,
        "Halvenmark and Russia are at odds. Halvenmark's foreign ministry declared two "
        "diplomats at the Russian embassy persona non grata. Halvenmark declared Russia's "
        "ambassador persona non grata on Monday.",
    )
    assert ("Halvenmark", "sanctioned", "Russia") in found


def test_sanctions_over_a_crackdown_do_not_make_the_crackdown_theirs(tmp_path):
    found = relations(
        tmp_path,
        "Ondruvia is landlocked. The United States and the European Union on Friday imposed "
        "sanctions on senior Ondruvian officials over a crackdown on protesters.",
    )
    assert ("United States", "sanctioned", "Ondruvia") in found
    assert not {r for r in found if r[1] == "coerced"}


def test_a_scheduled_visit_has_not_happened(tmp_path):
    found = relations(
        tmp_path, "Secretary-General Mark Rutte had been scheduled to visit Halvenmark next month."
    )
    assert not {r for r in found if r[1] == "met"}


def test_the_dateline_is_no_actor_and_talks_that_time_a_clause_are_not_its_act(tmp_path):
    found = relations(
        tmp_path,
        "DOHA, June 12 (AP) — Negotiators for the government of Vostrana and the rebel Kerezh "
        "Liberation Movement have agreed on a ceasefire after eight days of talks in the "
        "Qatari capital.\n\nNATO, the alliance, condemned Russia on Monday.",
    )
    assert not {r for r in found if r[1] == "met"}
    assert ("NATO", "criticized", "Russia") in found


def test_a_welcome_with_ceremony_is_a_meeting_not_praise(tmp_path):
    found = relations(
        tmp_path,
        "Estrelia and China are friends. President Tomás Irribarren was welcomed with a "
        "military honour guard outside the Great Hall of the People by Chinese President Xi "
        "Jinping on Monday.",
    )
    pair = {("Xi Jinping", "met", "Tomás Irribarren"), ("Tomás Irribarren", "met", "Xi Jinping")}
    assert pair & found
    assert not {r for r in found if r[1] == "praised"}


def test_ordering_diplomats_out_sanctions_their_state(tmp_path):
    found = relations(
        tmp_path,
        "Rhodessa and Tavoria are neighbours. Rhodessa ordered four Tavorian diplomats to leave "
        "the country within 72 hours on Wednesday after the detention of a Rhodessan citizen.",
    )
    assert ("Rhodessa", "sanctioned", "Tavoria") in found
    assert not {r for r in found if r[1] == "coerced"}


def test_acts_encouraged_continued_or_investigated_are_not_done_by_the_speaker(tmp_path):
    found = relations(
        tmp_path,
        "Ezzar and Tirhaven are at war. Lawmakers warned that the deal could encourage Ezzar "
        "to detain Tirhaveni citizens. Henrik Aaltonen said he would continue to consult with "
        "Ezzar. The International Criminal Court said it had opened a formal investigation "
        "into air strikes on the town of Vell Harran.",
    )
    assert not {r for r in found if r[1] in ("coerced", "met", "attacked")}


def test_its_in_a_bodys_statement_is_that_body(tmp_path):
    found = relations(
        tmp_path,
        "Malgrad and Norland swapped prisoners on Friday. Qatar's foreign ministry said its "
        "mediators had shuttled between Malgrad and Norland since last summer.",
    )
    assert ("Qatar", "mediated", "Malgrad") in found


def test_a_country_tagged_as_a_nationality_beside_its_adjective_is_the_country(tmp_path):
    found = relations(
        tmp_path,
        "Rhodessa ordered four Tavorian diplomats to leave the country within 72 hours on "
        "Wednesday and demanded a formal apology from Tavoria over the detention of its consul.",
    )
    assert ("Rhodessa", "demanded", "Tavoria") in found


def test_a_states_people_stand_for_it_only_in_acts_that_strike_it(tmp_path):
    found = relations(
        tmp_path,
        "Rhodessa and Tavoria quarrel. Consul Marko Senjak said he had been travelling to "
        "meet Rhodessan citizens living in the region. Tavoria detained two Rhodessan "
        "journalists on Monday. Karvenia's foreign ministry slammed the Tavorian ban.",
    )
    assert not {r for r in found if r[1] == "met"}
    assert ("Tavoria", "coerced", "Rhodessa") in found


def test_a_trigger_word_in_a_clause_with_its_own_subject_is_no_part_of_it(tmp_path):
    found = relations(
        tmp_path,
        "Ilkka Rantanen and Leila Haddad spoke on Tuesday evening and agreed that trade "
        "officials would meet in May. Elena Haddad called for Qaresh to lift the travel ban.",
    )
    assert not {r for r in found if r[1] == "agreedToMeet"}
    assert ("Elena Haddad", "demanded", "Qaresh") in found


def test_what_happens_to_someone_makes_them_no_doer(tmp_path):
    found = relations(
        tmp_path,
        "Malgrad and Norland swapped prisoners. Norlandic officials acknowledged that Stefan "
        "Drakul's release had been part of the arrangement and defended it as a fair trade.",
    )
    assert not {r for r in found if r[0] == "Stefan Drakul"}


def test_a_preposition_hung_on_the_named_object_still_belongs_to_the_verb(tmp_path):
    found = relations(
        tmp_path,
        # the parser hangs "for" on "Trump" here
        "There, Norlandic leader Kim Jong Un asked U.S. President Donald Trump for sanctions "
        "relief.",
    )
    assert ("Kim Jong Un", "demanded", "Donald Trump") in found


def test_a_preposition_inside_a_name_is_no_part_of_the_trigger(tmp_path):
    found = relations(
        tmp_path,
        "Norland said it had asked the Organization for Security and Co-operation in Europe "
        "to send observers.",
    )
    assert not any(relation == "demanded" for _, relation, _ in found)


def test_talks_that_time_the_clause_are_its_subjects_when_they_name_the_other_party(tmp_path):
    found = relations(
        tmp_path,
        "After a meeting with Emmanuel Macron, Ilkka Rantanen said the two countries would "
        "cooperate. After eight days of talks, Omar Haddad left Geneva.",
    )
    assert ("Ilkka Rantanen", "met", "Emmanuel Macron") in found
    assert not any(subject == "Omar Haddad" for subject, _, _ in found)


def test_a_pronoun_reported_by_someones_office_is_that_someone(tmp_path):
    found = relations(
        tmp_path,
        "Indian Prime Minister Narendra Modi spoke with Yendar's President Soraya Benhallou "
        "on Wednesday. Benhallou's office said she had thanked Modi for India's swift "
        "solidarity.",
    )
    assert ("Soraya Benhallou", "praised", "Narendra Modi") in found


def test_a_spokesperson_named_beside_the_role_speaks_for_its_country(tmp_path):
    found = relations(
        tmp_path,
        "On Thursday, the spokesperson for India's Ministry of External Affairs, Ambassador "
        "Arjun Mehra, repeated the government's position. \"We urge Nepal to hold the "
        'perpetrators accountable," Mehra told reporters.',
    )
    assert ("India", "demanded", "Nepal") in found


def test_a_spaced_dash_ends_a_name_but_a_hyphen_does_not():
    doc = load_pipeline()("TINDOUMA, Niamara — Niamara’s ruler met Halima Osei-Varga.")
    dash = next(t.i for t in doc if t.text == "—")
    assert trim(Span(doc, dash - 1, dash + 2, label="GPE")).text == "Niamara"
    hyphen = next(t.i for t in doc if t.text == "Osei")
    assert trim(Span(doc, hyphen - 1, hyphen + 3, label="PERSON")).text == "Halima Osei-Varga"


def test_a_country_is_not_the_last_word_of_a_body_named_after_it(tmp_path):
    found = relations(
        tmp_path,
        "Radio Zemrania reported the decision on Monday. ECOWAS sanctioned Zemrania on "
        "Tuesday, and Zemranian troops were put on alert.",
    )
    assert ("ECOWAS", "sanctioned", "Zemrania") in found


def test_a_country_the_model_takes_for_a_place_is_the_one_its_adjective_names(tmp_path):
    found = relations(
        tmp_path,
        "Mirovian President Dragan Vukovic accused Anzhar of waging war on Thursday. Anzhari "
        "drones had struck a Mirovian pumping station.",
    )
    assert ("Dragan Vukovic", "accused", "Anzhar") in found


def test_a_city_the_article_calls_a_capital_stands_for_its_country(tmp_path):
    found = relations(
        tmp_path,
        "In Darvaz, the Anzhari capital, spokeswoman Leyla Rahimi said on Friday that Anzhar "
        "would not yield. Mirovian President Dragan Vukovic later warned Darvaz against "
        "further strikes.",
    )
    assert ("Dragan Vukovic", "threatened", "Anzhar") in found


def test_what_is_rejected_from_someone_is_rejected_from_them(tmp_path):
    found = relations(
        tmp_path,
        "Theodora Mukasa rejected calls from the European Union for an independent inquiry.",
    )
    assert ("Theodora Mukasa", "rejected", "European Union") in found


def test_a_dateline_of_city_and_country_alone_names_no_actor(tmp_path):
    found = relations(
        tmp_path,
        "TINDOUMA, Niamara — Niamara’s military ruler, Colonel Abdoulaye Kanté, on Thursday "
        "rejected an ultimatum from the Economic Community of West African States.",
    )
    assert not any(subject == "TINDOUMA" for subject, _, _ in found)
    assert ("Abdoulaye Kanté", "rejected", "ECOWAS") in found


def test_which_is_the_actor_its_clause_modifies(tmp_path):
    found = relations(
        tmp_path,
        "Moscow, which supplies both Armenia and Azerbaijan with weapons, called for restraint.",
    )
    assert {("Russia", "aided", "Armenia"), ("Russia", "aided", "Azerbaijan")} <= found


def test_a_body_named_with_a_nationality_is_the_body_but_a_ministry_is_the_state(tmp_path):
    found = relations(
        tmp_path,
        "Later the European Commission criticized Hungary. The Russian Foreign Ministry "
        "condemned Hungary on Friday.",
    )
    assert ("European Commission", "criticized", "Hungary") in found
    assert ("Russia", "criticized", "Hungary") in found


def test_a_bodys_name_goes_on_past_a_preposition_but_a_persons_does_not(tmp_path):
    found = relations(
        tmp_path,
        "The Niamaran Alliance for Democracy staged a protest against Colonel Abdoulaye Kanté "
        "on Sunday. On Thursday, Starmer thanked Ilkka for Norland's support.",
    )
    assert ("Niamaran Alliance for Democracy", "protested", "Abdoulaye Kanté") in found
    assert not any("for Norland" in subject or "for Norland" in obj for subject, _, obj in found)


def test_an_honorific_is_no_part_of_the_name(tmp_path):
    found = relations(
        tmp_path,
        "Jari Koskinen thanked the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, for his "
        "patience.",
    )
    assert ("Jari Koskinen", "praised", "Tamim bin Hamad Al Thani") in found


def test_a_country_inside_a_persons_name_is_the_person(tmp_path):
    found = relations(
        tmp_path,
        "Representative Jim Jordan criticized Joe Biden on Monday. Chad rejected the demands "
        "of Sudan.",
    )
    assert ("Jim Jordan", "criticized", "Joe Biden") in found
    assert ("Chad", "rejected", "Sudan") in found


def test_an_act_someone_judges_is_not_their_own(tmp_path):
    found = relations(
        tmp_path,
        "Norland's President Ilkka Rantanen condemned the attack on Qaresh. Omar Haddad "
        "praised the withdrawal from Drevnia.",
    )
    assert not any(relation in ("attacked", "retreated") for _, relation, _ in found)


def test_a_passive_sharing_its_subject_is_done_to_that_subject(tmp_path):
    found = relations(
        tmp_path,
        "Mila Hartov landed at Vaara airport on Sunday night and was greeted on the tarmac by "
        "Foreign Minister Jari Koskinen.",
    )
    assert ("Jari Koskinen", "met", "Mila Hartov") in found


def test_what_is_received_from_someone_is_theirs_to_the_receiver(tmp_path):
    found = relations(
        tmp_path,
        "Pakistan has received 23 bailout packages from the IMF. Malaysia accepted funding "
        "from China for the railway.",
    )
    assert ("International Monetary Fund", "aided", "Pakistan") in found
    assert ("China", "aided", "Malaysia") in found


def test_a_trigger_word_in_a_coordinated_clause_is_that_clauses(tmp_path):
    from kg.pipeline import build

    path = tmp_path / "article.md"
    path.write_text(
        "---\ntitle: T\ndate: 2026-03-20\n---\nArmenia and Azerbaijan agreed on Monday to "
        "exchange prisoners of war, but failed to reach a ceasefire.",
        encoding="utf-8",
    )
    methods = {e.method for e in build([path]).events if e.relation == "agreed"}
    assert methods == {"verb:agree"}  # not "agree ceasefire": that they failed to reach


def test_a_plural_taken_for_a_name_at_the_start_of_a_sentence_is_still_a_noun(tmp_path):
    found = relations(
        tmp_path,
        "ISTANBUL, May 20 (AP) - Negotiators from Nukhara and the Sevrin Federation agreed on "
        "Wednesday to exchange several hundred prisoners of war.",
    )
    assert ("Nukhara", "agreed", "Sevrin Federation") in found


def test_a_dateline_in_capitals_gives_no_second_country(tmp_path):
    found = relations(
        tmp_path,
        "SAN CRISTOBAL DE VALDORIA, Nov. 26 (EFE) - Valdoria has moved troops to its frontier "
        "with Antakuna. President Wayra Quispe rejected Valdoria's accusations. The Valdorian "
        "army said it was ready.",
    )
    assert not any("VALDORIA" in (s, o) for s, _, o in found)
    assert ("Wayra Quispe", "rejected", "Valdoria") in found


def test_a_full_name_the_model_takes_for_a_place_is_a_person_whose_surname_it_knows():
    from kg.pipeline import build
    from tests.conftest import ROOT

    # The small model tags "Prakash Deshmane" here as a facility, "Deshmane" as a person.
    article = ROOT / "tests/audit/round5_fiction/articles/art_03_suvarna_sanctions_analysis.md"
    labels = {a.label for a in build([article]).actors}
    assert "Prakash Deshmane" in labels
    assert "Deshmane" not in labels


def test_talks_mediated_by_someone_are_mediation_between_their_parties(tmp_path):
    found = relations(
        tmp_path,
        "DOHA, Sept. 17 (Reuters) - Armenia and Azerbaijan agreed on Thursday to a 30-day "
        "ceasefire along their disputed mountain border after three days of talks mediated by "
        "Qatar.",
    )
    assert {("Qatar", "mediated", "Armenia"), ("Qatar", "mediated", "Azerbaijan")} <= found
    assert ("Armenia", "mediated", "Azerbaijan") not in found


def test_an_intent_is_not_dated_by_the_act_it_intends():
    # The parse the small model gave a written article: "in September" hung on "said",
    # though it dates the visit, not the acceptance.
    words = ["Holm", "accepted", "an", "invitation", "to", "visit", "Orva", "in", "September",
             ",", "a", "spokesman", "said", "."]  # fmt: skip
    heads = [1, 12, 3, 1, 5, 3, 5, 12, 7, 12, 11, 12, 12, 12]
    deps = ["nsubj", "ccomp", "det", "dobj", "aux", "acl", "dobj", "prep", "pobj", "punct",
            "det", "nsubj", "ROOT", "punct"]  # fmt: skip
    pos = ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PROPN", "ADP", "PROPN", "PUNCT",
           "DET", "NOUN", "VERB", "PUNCT"]  # fmt: skip
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 8, 9, label="DATE")]
    dates = date_expressions(doc, set())
    trigger = [1, 3]  # "accepted ... invitation"
    assert nearest_date(doc, dates, doc[:], trigger, intent=True) == -1
    assert nearest_date(doc, dates, doc[:], trigger) == 0


def test_a_call_hung_under_the_thing_praised_is_still_with_the_one_praised(tmp_path):
    found = relations(
        tmp_path,
        "Karsten Holm congratulated Anouk Verhal on her election victory in a phone call "
        "on Monday.",
    )
    assert ("Karsten Holm", "spokeWith", "Anouk Verhal") in found


@pytest.mark.parametrize(
    ("body", "victim"),
    [
        ("Karsten Holm condemned the detention of Valdorian journalist Ivo Darr.", "Ivo Darr"),
        ("Karsten Holm welcomed the release of Ivo Darr on Monday.", "Ivo Darr"),
        ("Amnesty International denounced the sentencing of activist Noor Halim.", "Noor Halim"),
    ],
)
def test_one_who_undergoes_an_act_is_not_the_one_judged_for_it(tmp_path, body, victim):
    found = relations(tmp_path, body)
    assert not any(o == victim for _, _, o in found), found


def test_the_doer_of_a_judged_act_is_the_one_judged(tmp_path):
    found = relations(tmp_path, "Karsten Holm welcomed Karvia's release of Ivo Darr.")
    assert ("Karsten Holm", "praised", "Karvia") in found


def test_troops_massed_at_ones_own_border_with_a_neighbour_aim_at_the_neighbour(tmp_path):
    found = relations(tmp_path, "Karvia has massed 40,000 troops near its border with Valdoria.")
    assert ("Karvia", "mobilized", "Valdoria") in found


def test_troops_sent_to_ones_own_border_aid_no_neighbour(tmp_path):
    found = relations(
        tmp_path, "Anouk Verhal sent 10,000 troops to Karvia's northern border with Valdoria."
    )
    assert not any(r == "aided" and o == "Valdoria" for _, r, o in found), found


def test_a_verb_misread_as_an_adjective_still_acts_on_its_noun(tmp_path):
    # After a paragraph break the parser reads "sentenced journalist" as an adjective.
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours.\n\nA Valdorian court sentenced journalist Ivo "
        "Darr to seven years in prison on Thursday.",
    )
    assert ("Valdoria", "coerced", "Ivo Darr") in found


def test_a_relative_clause_that_goes_on_from_the_main_clause_takes_its_day(tmp_path):
    found = dated(
        tmp_path,
        "On Tuesday, Karsten Holm had a telephone conversation with Karvian President Anouk "
        "Verhal, who assured him that the border would stay open.",
        date="2026-03-20",
    )
    assert found.get(("Anouk Verhal", "agreed", "Karsten Holm")) == "2026-03-17", found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A name the gazetteer knows inside a longer one is not that body.
        (
            "Valdoria and Karvia are neighbours. The Karvian Social Democratic Party called "
            "on President Kasimir Hollo to resign.",
            ("Karvian Social Democratic Party", "demanded", "Kasimir Hollo"),
        ),
        # A possessive of people inside a name is part of the name.
        (
            "Valdoria and Karvia are neighbours. Karvia gave in to the Karvian People’s "
            "Army’s demand for an amnesty on Monday.",
            ("Karvia", "conceded", "Karvian People’s Army"),
        ),
        (
            "Valdoria and Karvia are neighbours. The government of Karvia gave in to the "
            "demands of the Karvian Teachers' Union on Thursday.",
            ("Karvia", "conceded", "Karvian Teachers' Union"),
        ),
    ],
)
def test_a_bodys_whole_name_is_kept(tmp_path, body, expected):
    assert expected in relations(tmp_path, body)


def test_a_border_with_a_neighbour_hung_on_the_verb_still_aims_at_it(tmp_path):
    found = relations(
        tmp_path,
        "Karvia has massed about 20,000 troops along its border with Valdoria, according to "
        "satellite images published on Wednesday by a private research group.",
    )
    assert ("Karvia", "mobilized", "Valdoria") in found


def test_the_demands_of_a_body_are_its_own(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Karvia backed down in the face of the demands "
        "of the Karvian Teachers' Union on Thursday.",
    )
    assert not any(r == "demanded" for _, r, _ in found), found


def test_what_a_country_is_to_do_is_not_done(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Under the deal, Karvia is to release 40 "
        "Valdorian detainees by the end of the month.",
    )
    assert not any(r == "retreated" for _, r, _ in found), found


def test_one_whose_release_is_demanded_is_not_the_one_asked(tmp_path):
    found = relations(tmp_path, "Karsten Holm demanded the release of Ivo Darr.")
    assert not any(o == "Ivo Darr" for _, _, o in found), found


def test_agreeing_to_a_request_is_an_agreement_with_its_author(tmp_path):
    found = relations(
        tmp_path, "Karsten Holm agreed to Anouk Verhal's request to reopen the crossing."
    )
    assert ("Karsten Holm", "agreed", "Anouk Verhal") in found, found


def test_a_name_after_the_town_of_is_a_place_not_a_person(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Valdorian police detained Karvian reporter Mira "
        "Havel in the border town of Glav on March 12, accusing her of spying.",
    )
    assert not any("Glav" in (s, o) for s, _, o in found), found


def test_a_participles_object_pronoun_is_the_object_of_its_clause(tmp_path):
    found = relations(
        tmp_path,
        "Hungary expelled three Polish diplomats on Wednesday, accusing them of spying.",
    )
    assert ("Hungary", "accused", "Poland") in found, found


def test_a_relative_clause_without_a_relative_word_acts_on_its_noun(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Valdoria froze the assets of six Karvian "
        "officials it accused of fraud.",
    )
    assert ("Valdoria", "accused", "Karvia") in found, found
    found = relations(
        tmp_path,
        "Karvia released Ivo Darr, a Valdorian reporter its police detained in May.",
    )
    assert ("Karvia", "coerced", "Ivo Darr") in found, found


def test_a_nationality_the_model_took_for_a_body_is_still_a_nationality(tmp_path):
    # spaCy tags "Dravonan" here as an organisation's name, not as a nationality.
    found = relations(
        tmp_path,
        "Dravona and Tirelia are neighbours. Tirelia shelled the Dravonan border town of Vesk.",
    )
    assert ("Tirelia", "attacked", "Dravona") in found, found


def test_brokering_talks_between_two_mediates_between_them(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Qatar brokered the talks between Valdoria and "
        "Karvia in Doha.",
    )
    assert {("Qatar", "mediated", "Valdoria"), ("Qatar", "mediated", "Karvia")} <= found, found


def test_a_preposition_hung_on_a_particle_still_gives_the_object(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Karvia pulled its troops back from the "
        "Valdorian border on Sunday.",
    )
    assert ("Karvia", "retreated", "Valdoria") in found, found
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Karvia moved two brigades closer to its border "
        "with Valdoria.",
    )
    assert ("Karvia", "mobilized", "Valdoria") in found, found


def test_whom_after_a_named_national_is_the_person_not_the_nation(tmp_path):
    found = relations(
        tmp_path,
        "Lunavia and Rilandia are neighbours. Among those Rilandia released was the Lunavian "
        "journalist Ivo Marek, whom Rilandian security agents had detained in March.",
    )
    assert ("Rilandia", "coerced", "Ivo Marek") in found, found
    assert ("Rilandia", "coerced", "Lunavia") not in found, found


def test_an_act_noun_from_someone_is_theirs(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. Karvian Prime Minister Ivo Darr defended "
        "Valdoria against accusations from Qaresh.",
    )
    assert ("Qaresh", "accused", "Valdoria") in found, found
    assert not any(s == "Ivo Darr" and r == "accused" for s, r, _ in found), found


def test_a_rebuke_drawn_from_someone_is_aimed_at_the_one_who_drew_it(tmp_path):
    found = relations(
        tmp_path,
        "India's decision to expel a senior Canadian diplomat drew a sharp rebuke from "
        "Canadian Foreign Minister Claire Dubois.",
    )
    assert ("Claire Dubois", "criticized", "India") in found, found


def test_a_threat_from_someone_is_feared_not_made(tmp_path):
    found = relations(
        tmp_path,
        "Valdoria and Karvia are neighbours. NATO discussed the threat from Karvia to Valdoria.",
    )
    assert not any(r == "threatened" for _, r, _ in found), found


def test_the_bloc_and_the_alliance_are_the_bodies_named_before(tmp_path):
    found = relations(
        tmp_path,
        "The European Union approved new aid for Valdoria on Monday. Valdorian President "
        "Ivo Darr thanked the bloc. Karvia later asked NATO for talks, and the alliance "
        "sent weapons to Karvia.",
    )
    assert ("Ivo Darr", "praised", "European Union") in found, found
    assert ("NATO", "aided", "Karvia") in found, found


def test_a_name_cut_off_inside_a_title_is_no_actor(tmp_path):
    from kg.pipeline import build

    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: T\ndate: 2026-03-20\n---\nLunavia is a country. Lunavian Foreign Minister "
        "Greta Sand met Vashkari Interior Minister Daud Farrokh on Tuesday.\n",
        encoding="utf-8",
    )
    labels = {a.label for a in build([path]).actors}
    assert {"Greta Sand", "Daud Farrokh"} <= labels, labels
    assert not any(label.endswith(("Foreign", "Interior")) for label in labels), labels


def test_a_workers_body_keeps_its_possessive_and_no_name_ends_in_of(tmp_path):
    found = relations(
        tmp_path,
        "Duvania is a country. Prime Minister Sara Vey on Friday rejected the demands of the "
        "Duvanian Miners' Federation.",
    )
    assert ("Sara Vey", "rejected", "Duvanian Miners' Federation") in found, found
    found = relations(
        tmp_path,
        "Incumbent mayor Paulo Ventura conceded defeat to Ines Carvalho of the Workers' Front "
        "on Sunday night. Carvalho will take office in January.",
    )
    assert ("Paulo Ventura", "conceded", "Ines Carvalho") in found, found


def test_the_group_is_the_body_named_before_it(tmp_path):
    found = relations(
        tmp_path,
        "Selmora is a country. Selmora's interior ministry blamed the Sarkan Freedom Army for "
        "the bombing of a market on Sunday. The group accused Selmoran intelligence agents of "
        "staging the attack.",
    )
    assert ("Sarkan Freedom Army", "accused", "Selmora") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # split by the model into "The Law Society" and "Kenya"
        (
            "The Law Society of Kenya on Thursday called on Interior Cabinet Secretary Joseph "
            "Kamau to withdraw new regulations.",
            ("Law Society of Kenya", "demanded", "Joseph Kamau"),
        ),
        # ... into "Polish" and "Teachers' Union"
        (
            "Education Minister Piotr Halas bowed to the demands of the Polish Teachers' Union "
            "on Tuesday.",
            ("Piotr Halas", "conceded", "Polish Teachers' Union"),
        ),
        # ... and found as "Holm" alone
        (
            "Police chief Anders Holm apologised on Friday to the Halgardian Journalists' Union "
            "for the detention of three of its reporters.",
            ("Anders Holm", "conceded", "Halgardian Journalists' Union"),
        ),
    ],
)
def test_a_name_the_model_splits_is_one_actor(tmp_path, text, expected):
    found = relations(tmp_path, text)
    assert expected in found, found
