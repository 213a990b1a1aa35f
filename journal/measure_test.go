package journal

import (
	"slices"
	"strings"
	"testing"
)

// measureScoreCases are hand-computed: every band edge of both measures,
// then the safety item. They also seed FuzzParseAnswers.
var measureScoreCases = []struct {
	name    string
	in      Instrument
	answers []int
	score   int
	band    string
	safety  bool
}{
	{"PHQ-9 0 lowest minimal", PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, "minimal", false},
	{"PHQ-9 4 highest minimal", PHQ9, []int{1, 1, 1, 1, 0, 0, 0, 0, 0}, 4, "minimal", false},
	{"PHQ-9 5 lowest mild", PHQ9, []int{2, 3, 0, 0, 0, 0, 0, 0, 0}, 5, "mild", false},
	{"PHQ-9 9 highest mild", PHQ9, []int{1, 1, 1, 1, 1, 1, 1, 2, 0}, 9, "mild", false},
	{"PHQ-9 10 lowest moderate", PHQ9, []int{2, 2, 2, 2, 2, 0, 0, 0, 0}, 10, "moderate", false},
	{"PHQ-9 14 highest moderate", PHQ9, []int{3, 3, 3, 3, 2, 0, 0, 0, 0}, 14, "moderate", false},
	{"PHQ-9 15 lowest moderately severe", PHQ9, []int{3, 3, 3, 3, 3, 0, 0, 0, 0}, 15, "moderately severe", false},
	{"PHQ-9 19 highest moderately severe", PHQ9, []int{3, 3, 3, 3, 3, 3, 1, 0, 0}, 19, "moderately severe", false},
	{"PHQ-9 20 lowest severe", PHQ9, []int{3, 3, 3, 3, 3, 3, 2, 0, 0}, 20, "severe", false},
	{"PHQ-9 27 highest severe", PHQ9, []int{3, 3, 3, 3, 3, 3, 3, 3, 3}, 27, "severe", true},

	{"GAD-7 0 lowest minimal", GAD7, []int{0, 0, 0, 0, 0, 0, 0}, 0, "minimal", false},
	{"GAD-7 4 highest minimal", GAD7, []int{1, 0, 1, 0, 1, 0, 1}, 4, "minimal", false},
	{"GAD-7 5 lowest mild", GAD7, []int{1, 1, 1, 1, 1, 0, 0}, 5, "mild", false},
	{"GAD-7 9 highest mild", GAD7, []int{3, 3, 3, 0, 0, 0, 0}, 9, "mild", false},
	{"GAD-7 10 lowest moderate", GAD7, []int{2, 2, 2, 2, 1, 1, 0}, 10, "moderate", false},
	{"GAD-7 14 highest moderate", GAD7, []int{2, 2, 2, 2, 2, 2, 2}, 14, "moderate", false},
	{"GAD-7 15 lowest severe", GAD7, []int{3, 3, 3, 3, 3, 0, 0}, 15, "severe", false},
	{"GAD-7 21 highest severe", GAD7, []int{3, 3, 3, 3, 3, 3, 3}, 21, "severe", false},
	{"GAD-7 last item high is not a safety item", GAD7, []int{0, 0, 0, 0, 0, 0, 3}, 3, "minimal", false},

	{"PHQ-9 item 9 at 1 alone", PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 0, 1}, 1, "minimal", true},
	{"PHQ-9 item 9 at 2", PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 0, 2}, 2, "minimal", true},
	{"PHQ-9 item 9 at 3 with a mild score", PHQ9, []int{1, 1, 1, 0, 0, 0, 0, 0, 3}, 6, "mild", true},
	{"PHQ-9 item 8 high, item 9 at 0", PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 3, 0}, 3, "minimal", false},
	{"PHQ-9 everything but item 9", PHQ9, []int{3, 3, 3, 3, 3, 3, 3, 3, 0}, 24, "severe", false},
}

func TestMeasureScore(t *testing.T) {
	for _, tt := range measureScoreCases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Score(tt.answers)
			if err != nil {
				t.Fatalf("Score(%v): %v", tt.answers, err)
			}
			want := Result{Instrument: tt.in.ID, Answers: tt.answers, Score: tt.score, Band: tt.band, Safety: tt.safety}
			if got.Instrument != want.Instrument || !slices.Equal(got.Answers, want.Answers) ||
				got.Score != want.Score || got.Band != want.Band || got.Safety != want.Safety {
				t.Fatalf("Score(%v) = %+v; want %+v", tt.answers, got, want)
			}
		})
	}
}

func TestMeasureScoreKeepsItsOwnAnswers(t *testing.T) {
	answers := []int{1, 1, 1, 1, 1, 1, 1}
	r, err := GAD7.Score(answers)
	if err != nil {
		t.Fatal(err)
	}
	answers[0] = 3
	if r.Answers[0] != 1 {
		t.Fatalf("changing the caller's answers changed the result to %v", r.Answers)
	}
}

func TestMeasureScoreRejects(t *testing.T) {
	tests := []struct {
		name    string
		in      Instrument
		answers []int
		want    string // a part of the message
	}{
		{"PHQ-9 none", PHQ9, nil, "PHQ-9 has 9 questions; no answers were given. Give one answer from 0 to 3 for each, like 0,1,2,..."},
		{"PHQ-9 one", PHQ9, []int{0}, "PHQ-9 has 9 questions; 1 answer was given."},
		{"PHQ-9 seven", PHQ9, []int{0, 1, 2, 3, 0, 1, 2}, "PHQ-9 has 9 questions; 7 answers were given. Give one answer from 0 to 3 for each, like 0,1,2,..."},
		{"PHQ-9 ten", PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "PHQ-9 has 9 questions; 10 answers were given."},
		{"GAD-7 given PHQ-9's nine", GAD7, []int{0, 0, 0, 0, 0, 0, 0, 0, 0}, "GAD-7 has 7 questions; 9 answers were given."},
		{"GAD-7 six", GAD7, []int{0, 0, 0, 0, 0, 0}, "GAD-7 has 7 questions; 6 answers were given."},
		{"PHQ-9 -1 first", PHQ9, []int{-1, 0, 0, 0, 0, 0, 0, 0, 0}, "Question 1 of PHQ-9: -1 is not one of the answers."},
		{"PHQ-9 4 on item 9", PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 0, 4}, "Question 9 of PHQ-9: 4 is not one of the answers."},
		{"GAD-7 4 on item 5", GAD7, []int{0, 0, 0, 0, 4, 0, 0}, "Question 5 of GAD-7: 4 is not one of the answers. Use 0 (Not at all), 1 (Several days), 2 (More than half the days) or 3 (Nearly every day)."},
		{"GAD-7 -1 last", GAD7, []int{3, 3, 3, 3, 3, 3, -1}, "Question 7 of GAD-7: -1 is not one of the answers."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Score(tt.answers)
			if ErrorCode(err) != EInvalid {
				t.Fatalf("Score(%v) = %+v, %v; want an invalid-input error", tt.answers, got, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Score(%v) said %q; want it to say %q", tt.answers, err, tt.want)
			}
			if got.Instrument != "" || got.Answers != nil || got.Score != 0 || got.Band != "" || got.Safety {
				t.Fatalf("Score(%v) failed but returned %+v", tt.answers, got)
			}
		})
	}
}

func TestMeasureForms(t *testing.T) {
	for _, tt := range []struct {
		in    Instrument
		items int
		max   int
	}{{PHQ9, 9, 27}, {GAD7, 7, 21}} {
		t.Run(tt.in.Name, func(t *testing.T) {
			in := tt.in
			if len(in.Items) != tt.items {
				t.Errorf("%d items; want %d", len(in.Items), tt.items)
			}
			for i, item := range in.Items {
				if item == "" || item != strings.TrimSpace(item) {
					t.Errorf("item %d is %q", i+1, item)
				}
			}
			wantOptions := []string{"Not at all", "Several days", "More than half the days", "Nearly every day"}
			if !slices.Equal(in.Options, wantOptions) {
				t.Errorf("options %q; want %q", in.Options, wantOptions)
			}
			if in.RecallDays != 14 {
				t.Errorf("recall window %d days; want 14", in.RecallDays)
			}
			if !strings.HasPrefix(in.Question, "Over the last 2 weeks, how often have you been bothered by") {
				t.Errorf("question %q", in.Question)
			}
			// The bands start at 0, meet without gaps or overlaps, and end at the highest score.
			next := 0
			for _, b := range in.Bands {
				if b.Min != next || b.Max < b.Min || b.Name == "" {
					t.Errorf("band %+v; want one starting at %d", b, next)
				}
				next = b.Max + 1
			}
			if next-1 != tt.max {
				t.Errorf("bands end at %d; want %d", next-1, tt.max)
			}
		})
	}
	if PHQ9.SafetyItem != 8 || !strings.HasPrefix(PHQ9.Items[PHQ9.SafetyItem], "Thoughts that you would be better off dead") {
		t.Errorf("PHQ-9 safety item is %d", PHQ9.SafetyItem)
	}
	if GAD7.SafetyItem != -1 {
		t.Errorf("GAD-7 safety item is %d; want none (-1)", GAD7.SafetyItem)
	}
	if len(Instruments) != 2 || Instruments[0].ID != "phq9" || Instruments[1].ID != "gad7" {
		t.Errorf("Instruments = %v", Instruments)
	}
}

func TestMeasureTexts(t *testing.T) {
	for _, want := range []string{"Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues", "educational grant from Pfizer Inc.", "No permission required to reproduce, translate, display or distribute."} {
		if !strings.Contains(MeasureCopyright, want) {
			t.Errorf("MeasureCopyright lacks %q", want)
		}
	}
	for _, want := range []string{"self-report", "screening", "not a diagnosis", "clinician"} {
		if !strings.Contains(ScreeningNotice, want) {
			t.Errorf("ScreeningNotice lacks %q", want)
		}
	}
	if msg := SafetyMessage(""); !strings.Contains(msg, CrisisDefault) || !strings.Contains(msg, "alone") || !strings.Contains(msg, "therapist") {
		t.Errorf("SafetyMessage(\"\") = %q; want the default crisis line, not being alone, and the therapist", msg)
	}
	if msg := SafetyMessage("  In the UK, call Samaritans on 116 123.  "); !strings.Contains(msg, "\n\nIn the UK, call Samaritans on 116 123.\n\n") || strings.Contains(msg, CrisisDefault) {
		t.Errorf("SafetyMessage with a configured line = %q", msg)
	}
}

func TestInstrumentByID(t *testing.T) {
	tests := []struct {
		in   string
		want string // ID, or "" for an error
	}{
		{"phq9", "phq9"},
		{"PHQ9", "phq9"},
		{"PHQ-9", "phq9"},
		{"phq-9", "phq9"},
		{" Phq-9 ", "phq9"},
		{"gad7", "gad7"},
		{"GAD-7", "gad7"},
		{"gad-7", "gad7"},
		{"Gad7", "gad7"},
		{"", ""},
		{"phq", ""},
		{"phq2", ""},
		{"gad-9", ""},
		{"depression", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := InstrumentByID(tt.in)
			if tt.want == "" {
				if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), "phq9") || !strings.Contains(err.Error(), "gad7") {
					t.Fatalf("got %q, %v; want an invalid-input error naming phq9 and gad7", got.ID, err)
				}
				return
			}
			if err != nil || got.ID != tt.want {
				t.Fatalf("got %q, %v; want %q", got.ID, err, tt.want)
			}
		})
	}
}

// parseAnswersCases also seed FuzzParseAnswers.
var parseAnswersCases = []struct {
	in   string
	want []int  // when err is ""
	err  string // a part of the message, or "" when it parses
}{
	{"0,1,2,3", []int{0, 1, 2, 3}, ""},
	{"0, 1, 2, 3", []int{0, 1, 2, 3}, ""},
	{"  3 ,2,  1 ,0  ", []int{3, 2, 1, 0}, ""},
	{"0,0,0,0,0,0,0,0,1", []int{0, 0, 0, 0, 0, 0, 0, 0, 1}, ""},
	{"2", []int{2}, ""},
	{"-1,4", []int{-1, 4}, ""}, // numbers, so Score can say which is out of range
	{"", nil, "No answers were given."},
	{"   ", nil, "No answers were given."},
	{"0,1,,2", nil, "Answer 3 is blank."},
	{"0,1,2,", nil, "Answer 4 is blank."},
	{",0", nil, "Answer 1 is blank."},
	{"0,one,2", nil, `Answer 2, "one", is not a number.`},
	{"0 1 2", nil, `Answer 1, "0 1 2", is not a number.`},
	{"0;1;2", nil, `Answer 1, "0;1;2", is not a number.`},
	{"0,1.5", nil, `Answer 2, "1.5", is not a number.`},
	{"0,99999999999999999999", nil, `Answer 2, "99999999999999999999", is not a number.`},
}

func TestParseAnswers(t *testing.T) {
	for _, tt := range parseAnswersCases {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseAnswers(tt.in)
			if tt.err != "" {
				if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, %v; want an invalid-input error saying %q", got, err, tt.err)
				}
				if !strings.Contains(err.Error(), "like 0,1,2,...") {
					t.Fatalf("%q doesn't show how to write answers", err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestMeasureParsedAnswers(t *testing.T) {
	answers, err := ParseAnswers("2, 2, 2, 2, 2, 0, 0, 0, 0")
	if err != nil {
		t.Fatal(err)
	}
	r, err := PHQ9.Score(answers)
	if err != nil || r.Score != 10 || r.Band != "moderate" || r.Safety {
		t.Fatalf("got %+v, %v; want 10, moderate, no safety message", r, err)
	}
}

// joinAnswers writes answers the way ParseAnswers reads them.

// FuzzParseAnswers: any text gives answers or a person-readable error, never
// a panic; answers written back out parse to the same answers, and scoring
// them either fails plainly or gives a total inside its band.
func FuzzParseAnswers(f *testing.F) {
	for _, tt := range parseAnswersCases {
		f.Add(tt.in)
	}
	for _, tt := range measureScoreCases {
		f.Add(FormatAnswers(tt.answers))
	}
	f.Fuzz(func(t *testing.T, s string) {
		answers, err := ParseAnswers(s)
		if err != nil {
			if ErrorCode(err) != EInvalid {
				t.Fatalf("%q: error %v has code %s, want invalid", s, err, ErrorCode(err))
			}
			return
		}
		if len(answers) == 0 {
			t.Fatalf("%q parsed to no answers without an error", s)
		}
		again, err := ParseAnswers(FormatAnswers(answers))
		if err != nil || !slices.Equal(again, answers) {
			t.Fatalf("%q parsed to %v, which reads back as %v, %v", s, answers, again, err)
		}
		for _, in := range Instruments {
			r, err := in.Score(answers)
			if err != nil {
				if ErrorCode(err) != EInvalid {
					t.Fatalf("%s %v: error %v has code %s, want invalid", in.Name, answers, err, ErrorCode(err))
				}
				continue
			}
			inBand := false
			for _, b := range in.Bands {
				inBand = inBand || (b.Name == r.Band && r.Score >= b.Min && r.Score <= b.Max)
			}
			if !inBand {
				t.Fatalf("%s %v: score %d is not in band %q", in.Name, answers, r.Score, r.Band)
			}
			if r.Safety != (in.SafetyItem >= 0 && answers[in.SafetyItem] > 0) {
				t.Fatalf("%s %v: safety %v", in.Name, answers, r.Safety)
			}
		}
	})
}
