package journal

import (
	"strings"
	"time"
)

// Role is what a person is to the one writing.
type Role string

// Roles lists every role in the order a person would pick from.
var Roles = []Role{"partner", "parent", "sibling", "child", "friend", "boss", "colleague", "therapist", "other"}

// ParseRole accepts a role's name, ignoring case; "" means other.
func ParseRole(typed string) (Role, error) {
	s := strings.ToLower(strings.TrimSpace(typed))
	if s == "" {
		return "other", nil
	}
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", Errorf(EInvalid, "%q is not a role. Use one of: partner, parent, sibling, child, friend, boss, colleague, therapist, other.", typed)
}

// Person is someone who comes up in the journal: a name or initials,
// and who they are to the writer.
type Person struct {
	ID      int64
	Name    string
	Role    Role
	Aliases []string // other names they go by ("Jo", a nickname), hidden with their name in reports
}

// Episode is one relationship moment in the Core Conflictual
// Relationship Theme form: what I wanted from someone, how they
// responded, how I responded, and what it echoes from earlier in life.
type Episode struct {
	ID            int64
	Person        string // who it was with: a name from the people list
	Wish          string // what I wanted
	OtherResponse string // how they responded
	SelfResponse  string // how I responded
	Reminds       string // what it reminds me of from earlier in life
	EarlierPerson string // optional: who from earlier, such as a parent
	Patterns      []string
	Emotions      []string
	CCRT          CCRT // the standard categories the wish and responses fit
}

// Validate checks an episode before it is saved and tidies its names.
func (ep *Episode) Validate() error {
	ep.Person, ep.EarlierPerson = CleanName(ep.Person), CleanName(ep.EarlierPerson)
	if ep.Person == "" {
		return Errorf(EInvalid, "An episode needs the person it was with. Add their name or initials.")
	}
	if err := ep.CCRT.Validate(); err != nil {
		return err
	}
	ep.Patterns, ep.Emotions = uniqueNames(ep.Patterns), uniqueNames(ep.Emotions)
	for _, n := range append(append([]string{}, ep.Patterns...), ep.Emotions...) {
		if n == "" {
			return Errorf(EInvalid, "An emotion or pattern name in an episode is blank. Give each one a name.")
		}
	}
	return nil
}

// PersonEpisode is an episode seen from one person's side, with the
// entry it belongs to.
type PersonEpisode struct {
	Episode
	EntryID    int64
	EntryTitle string
	WrittenAt  time.Time
	Earlier    bool // the person is the one from earlier in life, not the one it was with
}
