package journal

import "fmt"

// Conversion is a word moved between the pattern and the emotion
// vocabulary, with every entry and episode that named it.
type Conversion struct {
	Name      string // the word as it was
	ToEmotion bool   // a pattern became an emotion; false: an emotion became a pattern
	ID        int64  // the emotion or pattern it is now
	Merged    bool   // the other vocabulary had the word already: the links joined it
	Into      string // that word, as the other vocabulary spells it, when Merged
	Entries   int    // entries that named it
	Episodes  int    // relationship episodes that named it
}

// Message says what happened, for the window's status line and the
// command line alike.
func (c Conversion) Message() string {
	now, was := "a feeling", "pattern"
	if !c.ToEmotion {
		now, was = "a pattern", "feeling"
	}
	msg := fmt.Sprintf("“%s” is now %s.", c.Name, now)
	if c.Merged {
		msg = fmt.Sprintf("“%s” was already %s (“%s”), so the %s joined it.", c.Name, now, c.Into, was)
	}
	if c.Entries == 0 && c.Episodes == 0 {
		return msg + " No entries named it."
	}
	who, keep := countOf(c.Entries, "entry", "entries"), "keep"
	if c.Episodes > 0 {
		who += " and " + countOf(c.Episodes, "episode", "episodes")
	}
	if c.Entries+c.Episodes == 1 {
		keep = "keeps"
	}
	return msg + fmt.Sprintf(" %s %s it, now as %s.", who, keep, now)
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
