package journal

import (
	"fmt"
	"strconv"
	"strings"
)

// Instrument is a standard self-report questionnaire: a fixed stem, items
// answered on the same frequency scale, a total score and severity bands.
type Instrument struct {
	ID         string   // "phq9", "gad7"
	Name       string   // "PHQ-9"
	Title      string   // "Depression (PHQ-9)"
	Question   string   // the stem printed above the items
	Items      []string // in form order; question n is Items[n-1]
	Options    []string // answer labels, scored 0, 1, 2, ...
	Bands      []Band   // severity bands, lowest first, covering every possible score
	RecallDays int      // the window the stem asks about, and how often to suggest it
	SafetyItem int      // index of the item whose answer above 0 needs a safety message, or -1
	// DifficultyQuestion is the form's last, unscored question: how much
	// the problems get in the way. Its answers are DifficultyOptions.
	DifficultyQuestion string
}

// Band is a named range of total scores, Min and Max included.
type Band struct {
	Name     string
	Min, Max int
}

// frequencyOptions are the answers both forms use, scored 0 to 3.
func frequencyOptions() []string {
	return []string{"Not at all", "Several days", "More than half the days", "Nearly every day"}
}

// PHQ9 is the Patient Health Questionnaire depression scale, worded as on
// the standard English form.
var PHQ9 = Instrument{
	ID:       "phq9",
	Name:     "PHQ-9",
	Title:    "Depression (PHQ-9)",
	Question: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
	Items: []string{
		"Little interest or pleasure in doing things",
		"Feeling down, depressed, or hopeless",
		"Trouble falling or staying asleep, or sleeping too much",
		"Feeling tired or having little energy",
		"Poor appetite or overeating",
		"Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
		"Trouble concentrating on things, such as reading the newspaper or watching television",
		"Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
		"Thoughts that you would be better off dead or of hurting yourself in some way",
	},
	Options: frequencyOptions(),
	Bands: []Band{
		{"minimal", 0, 4},
		{"mild", 5, 9},
		{"moderate", 10, 14},
		{"moderately severe", 15, 19},
		{"severe", 20, 27},
	},
	RecallDays:         14,
	SafetyItem:         8, // question 9
	DifficultyQuestion: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
}

// GAD7 is the Generalized Anxiety Disorder scale, worded as on the standard
// English form.
var GAD7 = Instrument{
	ID:       "gad7",
	Name:     "GAD-7",
	Title:    "Anxiety (GAD-7)",
	Question: "Over the last 2 weeks, how often have you been bothered by the following problems?",
	Items: []string{
		"Feeling nervous, anxious or on edge",
		"Not being able to stop or control worrying",
		"Worrying too much about different things",
		"Trouble relaxing",
		"Being so restless that it is hard to sit still",
		"Becoming easily annoyed or irritable",
		"Feeling afraid as if something awful might happen",
	},
	Options: frequencyOptions(),
	Bands: []Band{
		{"minimal", 0, 4},
		{"mild", 5, 9},
		{"moderate", 10, 14},
		{"severe", 15, 21},
	},
	RecallDays:         14,
	SafetyItem:         -1,
	DifficultyQuestion: "If you checked any problems, how difficult have they made it for you to do your work, take care of things at home, or get along with other people?",
}

// Instruments lists every questionnaire in the order a person would pick from.
var Instruments = []Instrument{PHQ9, GAD7}

// MeasureCopyright is the line the forms carry, shown wherever they are.
const MeasureCopyright = "PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."

// ScreeningNotice says what the scores are, and are not.
const ScreeningNotice = "These are self-report screening questionnaires, not a diagnosis; your results are best talked over with a clinician, such as your therapist."

// InstrumentByID finds a questionnaire by its ID or name, ignoring case,
// hyphens and spaces: "phq9", "PHQ-9" and "phq-9" all find PHQ9.
func InstrumentByID(id string) (Instrument, error) {
	key := strings.NewReplacer("-", "", " ", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(id)))
	if key == "" {
		return Instrument{}, Errorf(EInvalid, "No questionnaire was named. Use phq9 (depression) or gad7 (anxiety).")
	}
	for _, in := range Instruments {
		if key == in.ID {
			return in, nil
		}
	}
	return Instrument{}, Errorf(EInvalid, "%q is not a questionnaire Throughline knows. Use phq9 (depression) or gad7 (anxiety).", strings.TrimSpace(id))
}

// Result is a scored questionnaire.
type Result struct {
	Instrument string // the instrument's ID
	Answers    []int  // one per item, in form order
	Score      int    // the sum of the answers
	Band       string // the name of the band the score falls in
	Safety     bool   // the safety item was answered above 0: show SafetyMessage now
}

// Score checks one answer per item, each an option's score, and totals them.
// Nothing is returned but the error when any answer is wrong.
func (in Instrument) Score(answers []int) (Result, error) {
	if len(answers) != len(in.Items) {
		given := "no answers were given"
		switch len(answers) {
		case 0:
		case 1:
			given = "1 answer was given"
		default:
			given = strconv.Itoa(len(answers)) + " answers were given"
		}
		return Result{}, Errorf(EInvalid, "%s has %d questions; %s. Give one answer from 0 to %d for each, like 0,1,2,...",
			in.Name, len(in.Items), given, in.maxAnswer())
	}
	r := Result{Instrument: in.ID, Answers: append([]int(nil), answers...)}
	for i, a := range answers {
		if a < 0 || a > in.maxAnswer() {
			return Result{}, Errorf(EInvalid, "Question %d of %s: %d is not one of the answers. Use %s.",
				i+1, in.Name, a, in.optionList())
		}
		r.Score += a
	}
	for _, b := range in.Bands {
		if r.Score >= b.Min && r.Score <= b.Max {
			r.Band = b.Name
			break
		}
	}
	r.Safety = in.SafetyItem >= 0 && answers[in.SafetyItem] > 0
	return r, nil
}

// maxAnswer is the score of the last option.
func (in Instrument) maxAnswer() int { return len(in.Options) - 1 }

// optionList spells out the answers: "0 (Not at all), 1 (Several days), ... or 3 (Nearly every day)".
func (in Instrument) optionList() string {
	var parts []string
	for i, o := range in.Options {
		parts = append(parts, strconv.Itoa(i)+" ("+o+")")
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// ParseAnswers reads answers written as whole numbers separated by commas,
// like "0,1,2,3" or "0, 1, 2, 3". It checks only that each is a number;
// Instrument.Score checks the count and the range.
func ParseAnswers(s string) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, Errorf(EInvalid, "No answers were given. Give one number from 0 to 3 for each question, separated by commas, like 0,1,2,...")
	}
	fields := strings.Split(s, ",")
	answers := make([]int, 0, len(fields))
	for i, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			return nil, Errorf(EInvalid, "Answer %d is blank. Give one number from 0 to 3 for each question, separated by commas, like 0,1,2,...", i+1)
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, Errorf(EInvalid, "Answer %d, %q, is not a number. Give one number from 0 to 3 for each question, separated by commas, like 0,1,2,...", i+1, f)
		}
		answers = append(answers, n)
	}
	return answers, nil
}

// SafetyMessage is the calm message shown as soon as a Result has Safety
// set, and only then: it speaks of the answer given. crisisLine is
// CrisisText's; empty means CrisisDefault.
func SafetyMessage(crisisLine string) string {
	crisisLine = strings.TrimSpace(crisisLine)
	if crisisLine == "" {
		crisisLine = CrisisDefault
	}
	return "Thank you for answering honestly. You said you have had thoughts of being better off dead or of hurting yourself. " +
		"Those thoughts can be very heavy, and you don't have to face them alone.\n\n" +
		crisisLine + "\n\n" +
		"If you can, tell your therapist about this answer, at your next session or sooner."
}

// SafetyNote names the safety item's answer in a result, in words a
// person reads first: "" when it was not answered above 0. The two
// highest answers say more firmly to tell someone soon.
func (in Instrument) SafetyNote(r Result) string {
	if in.SafetyItem < 0 || in.SafetyItem >= len(r.Answers) || r.Answers[in.SafetyItem] <= 0 {
		return ""
	}
	a := r.Answers[in.SafetyItem]
	said := fmt.Sprintf("To question %d, about thoughts that you would be better off dead or of hurting yourself, you answered “%s”.",
		in.SafetyItem+1, in.Options[a])
	if a == 1 {
		return said + " Please tell your therapist about this answer, at your next session or sooner."
	}
	return said + " That is a lot to carry, and it matters that someone knows soon: please talk to your therapist, " +
		"your doctor or a crisis line today, rather than waiting for your next session. " +
		"If you feel you might act on these thoughts, call emergency services now."
}
