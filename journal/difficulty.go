package journal

import (
	"strconv"
	"strings"
)

// DifficultyOptions are the answers to an Instrument's DifficultyQuestion,
// in form order.
var DifficultyOptions = []string{"Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"}

// Difficulty is the answer to a form's last question, which is not
// scored: how difficult the problems have made work, home and getting
// along with people. The zero value is no answer, as the question is
// optional on the forms; DifficultyAnswer makes the others.
type Difficulty int

// NoDifficulty is a form whose last question was left blank.
const NoDifficulty Difficulty = 0

// DifficultyAnswer is the answer at index option of DifficultyOptions.
func DifficultyAnswer(option int) Difficulty { return Difficulty(option + 1) }

// Answered reports whether the question was answered.
func (d Difficulty) Answered() bool { return d != NoDifficulty }

// Option is the answer's index in DifficultyOptions, -1 for none.
func (d Difficulty) Option() int { return int(d) - 1 }

// String is the answer in words, "" when there is none.
func (d Difficulty) String() string {
	if !d.Answered() {
		return ""
	}
	return DifficultyOptions[d.Option()]
}

// Check refuses an answer that is not one of DifficultyOptions.
func (d Difficulty) Check() error {
	if d.Option() < -1 || d.Option() >= len(DifficultyOptions) {
		return difficultyError(d.Option())
	}
	return nil
}

func difficultyError(option int) error {
	return Errorf(EInvalid, "%d is not one of the answers to the last question, how difficult the problems have made things. Use %s, or leave it out.",
		option, difficultyList())
}

// ParseDifficulty reads the last question's answer written as a number,
// like the other answers: "0" for the first of DifficultyOptions. ""
// is no answer.
func ParseDifficulty(s string) (Difficulty, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return NoDifficulty, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return NoDifficulty, Errorf(EInvalid, "%q is not a number. For the last question, how difficult the problems have made things, use %s, or leave it out.",
			s, difficultyList())
	}
	if n < 0 || n >= len(DifficultyOptions) {
		return NoDifficulty, difficultyError(n)
	}
	return DifficultyAnswer(n), nil
}

// difficultyList spells out the answers: "0 (Not difficult at all), ... or 3 (Extremely difficult)".
func difficultyList() string {
	parts := make([]string, len(DifficultyOptions))
	for i, o := range DifficultyOptions {
		parts[i] = strconv.Itoa(i) + " (" + o + ")"
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
