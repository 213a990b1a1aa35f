package patterns

import (
	"reflect"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// ccrtEpisodes are hand-counted in the tests below: five in October,
// one before it and one after.
func ccrtEpisodes() []journal.PersonEpisode {
	ep := func(month time.Month, day int, person string, wish, other, self []string) journal.PersonEpisode {
		return journal.PersonEpisode{WrittenAt: time.Date(2026, month, day, 12, 0, 0, 0, time.UTC), Episode: journal.Episode{Person: person,
			CCRT: journal.CCRT{Wishes: wish, Other: journal.Response{Categories: other}, Self: journal.Response{Categories: self}}}}
	}
	l := func(s ...string) []string { return s }
	return []journal.PersonEpisode{
		ep(9, 20, "Sam", l("to be understood"), nil, nil),
		ep(10, 2, "Sam", l("to be understood", "to be close"), l("rejecting"), l("withdrawn")),
		ep(10, 5, "Mum", l("to be close"), l("controlling"), l("angry")),
		ep(10, 15, "sam", l("to be close"), l("rejecting"), l("withdrawn", "anxious")),
		ep(10, 22, "Mum", l("to be independent"), l("controlling"), l("assertive")),
		ep(10, 28, "Sam", l("to be close", "to be independent"), l("supportive"), l("assertive")),
		ep(11, 3, "Mum", l("to be helped"), nil, nil),
	}
}

type cc = []CategoryCount

func TestSummariseCCRT_CountsMostFrequentFirst(t *testing.T) {
	october := Window{From: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)}
	got := SummariseCCRT(ccrtEpisodes(), october)
	want := CCRTSummary{
		CCRTCounts: CCRTCounts{Episodes: 5,
			Wish:  cc{{"to be close", 4}, {"to be independent", 2}, {"to be understood", 1}},
			Other: cc{{"rejecting", 2}, {"controlling", 2}, {"supportive", 1}}, // a tie keeps the list's order
			Self:  cc{{"withdrawn", 2}, {"assertive", 2}, {"angry", 1}, {"anxious", 1}}},
		// Thirds of ten days: before 11 October, and from 21 October.
		First: CCRTCounts{Episodes: 2, Wish: cc{{"to be close", 2}, {"to be understood", 1}},
			Other: cc{{"rejecting", 1}, {"controlling", 1}}, Self: cc{{"withdrawn", 1}, {"angry", 1}}},
		Last: CCRTCounts{Episodes: 2, Wish: cc{{"to be independent", 2}, {"to be close", 1}},
			Other: cc{{"controlling", 1}, {"supportive", 1}}, Self: cc{{"assertive", 2}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	for comp, words := range map[journal.Component]string{
		journal.WishComponent:  "to be close (2) in the first third, to be independent (2) in the last",
		journal.OtherComponent: "rejecting (1) in the first third, controlling (1) in the last",
		journal.SelfComponent:  "withdrawn (1) in the first third, assertive (2) in the last",
	} {
		if s := got.Shift(comp); s != words {
			t.Errorf("%s shift: %q, want %q", comp, s, words)
		}
	}
}

// All time is divided between the first and the last episode: 20
// September to 3 November, thirds of 14 days 16 hours.
func TestSummariseCCRT_AllTimeThirdsSpanTheEpisodes(t *testing.T) {
	got := SummariseCCRT(ccrtEpisodes(), Window{})
	if got.Episodes != 7 || got.First.Episodes != 2 || got.Last.Episodes != 3 {
		t.Fatalf("episodes %d, first third %d, last third %d; want 7, 2, 3", got.Episodes, got.First.Episodes, got.Last.Episodes)
	}
	if want := (cc{{"to be independent", 2}, {"to be close", 1}, {"to be helped", 1}}); !reflect.DeepEqual(got.Last.Wish, want) {
		t.Errorf("last third's wishes: %+v, want %+v", got.Last.Wish, want)
	}
	if want := (cc{{"to be understood", 2}, {"to be close", 1}}); !reflect.DeepEqual(got.First.Wish, want) {
		t.Errorf("first third's wishes: %+v, want %+v", got.First.Wish, want)
	}
}

func TestSummariseCCRT_NothingToCompare(t *testing.T) {
	for name, eps := range map[string][]journal.PersonEpisode{"none": nil, "one": ccrtEpisodes()[:1]} {
		got := SummariseCCRT(eps, Window{})
		if got.First.Episodes != 0 || got.Last.Episodes != 0 || got.Shift(journal.WishComponent) != "" {
			t.Errorf("%s: %+v", name, got)
		}
	}
}

func TestCCRTByPerson(t *testing.T) {
	october := Window{From: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)}
	got := CCRTByPerson(ccrtEpisodes(), october)
	if len(got) != 2 || got[0].Person != "Sam" || got[0].Episodes != 3 || got[1].Person != "Mum" || got[1].Episodes != 2 {
		t.Fatalf("people: %+v", got)
	}
	if want := (cc{{"to be close", 3}, {"to be understood", 1}, {"to be independent", 1}}); !reflect.DeepEqual(got[0].Wish, want) {
		t.Errorf("Sam's wishes: %+v, want %+v", got[0].Wish, want)
	}
	if mum := CCRTFor(ccrtEpisodes(), " MUM ", october); !reflect.DeepEqual(mum, got[1].CCRTSummary) {
		t.Errorf("CCRTFor Mum: %+v, want %+v", mum, got[1].CCRTSummary)
	}
}
