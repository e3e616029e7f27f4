package tagger

import "github.com/byline/byline/articles/entities/gazetteer"

// sportsWords mark a sports report, where a city's name usually stands for
// its team: "Houston beat Philadelphia 4-3", "Karlsruhe's coach".
var sportsWords = hashSet(
	"team", "teams", "club", "clubs", "coach", "coaches", "match", "matches", "game", "games",
	"season", "league", "leagues", "cup", "championship", "championships", "scored", "score",
	"scores", "goal", "goals", "striker", "strikers", "midfielder", "goalkeeper", "defender",
	"inning", "innings", "pitcher", "homer", "homers", "playoff", "playoffs", "tournament",
	"player", "players", "fans", "semifinal", "semifinals", "quarterfinal", "quarter-final",
	"semi-final", "halftime", "half-time", "touchdown", "quarterback", "rebounds", "nba",
	"nfl", "nhl", "mlb", "fifa", "uefa", "soccer", "football", "baseball", "basketball",
	"hockey", "cricket", "rugby", "tennis", "golf", "racing", "seed", "seeded", "draw", "drew",
	"beat", "beats", "beating", "victory", "defeat", "defeated", "standings", "wickets", "runs",
)

// sports reports whether d reads as a sports report: any of its words is
// a sports word.
func (d *Doc) sports() bool {
	for _, toks := range d.sents {
		for i := range toks {
			if toks[i].flags&fSports != 0 {
				return true
			}
		}
	}
	return false
}

// cityRule tags as a place a major city's name (100,000 people or more)
// that the tagger took for an organisation, in a document that is not a
// sports report. The 1996 news the tagger learns from names teams after
// their cities ("Philadelphia", "Houston"); elsewhere such a name nearly
// always means the city. A one-word name that is also a common word
// ("Nice", "Reading") is left alone.
func (x *Extractor) cityRule(toks []token, ts []Tag) {
	for i := 0; i < len(toks); {
		if ts[i] != BOrg {
			i++
			continue
		}
		j := SpanEnd(ts, i)
		if x.lists(toks[i:j])&gazetteer.MajorCity != 0 && (j-i > 1 || uncommon(toks[i:j])) {
			setSpan(ts, i, j, BLoc)
		}
		i = j
	}
}
