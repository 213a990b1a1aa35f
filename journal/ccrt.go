package journal

import (
	"strings"
)

// Component is one of the three parts of a relationship episode in the
// Core Conflictual Relationship Theme (CCRT) form.
type Component string

// The three components, each with its own categories.
const (
	WishComponent  Component = "wish"  // what I wanted
	OtherComponent Component = "other" // how the other responded
	SelfComponent  Component = "self"  // how I responded
)

// Components lists them in the order an episode is told.
var Components = []Component{WishComponent, OtherComponent, SelfComponent}

// Label is the component as a person reads it.
func (c Component) Label() string {
	switch c {
	case WishComponent:
		return "Wish"
	case OtherComponent:
		return "Response of the other"
	default:
		return "My response"
	}
}

// Categories are a short list drawn from Luborsky's standard CCRT
// categories: few enough to choose from at a glance, the same names in
// the window, the command line and the report, so episodes can be
// counted across people and months.
func (c Component) Categories() []string {
	switch c {
	case WishComponent:
		return []string{"to be understood", "to be close", "to be respected", "to be independent", "to be in control", "to be helped"}
	case OtherComponent:
		return []string{"rejecting", "controlling", "understanding", "supportive", "upset", "dismissive"}
	default:
		return []string{"withdrawn", "angry", "disappointed", "anxious", "self-blaming", "assertive"}
	}
}

// ParseCategory finds a category of c by its name as listed, ignoring
// case and spacing.
func (c Component) ParseCategory(typed string) (string, error) {
	for _, name := range c.Categories() {
		if NameKey(name) == NameKey(typed) {
			return name, nil
		}
	}
	return "", Errorf(EInvalid, "“%s” is not a category for %s. Use one of: %s.",
		CleanName(typed), strings.ToLower(c.Label()), strings.Join(c.Categories(), ", "))
}

// parseCategories checks and tidies a list of c's categories, dropping
// repeats and keeping the order chosen.
func (c Component) parseCategories(typed []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, t := range typed {
		name, err := c.ParseCategory(t)
		if err != nil {
			return nil, err
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out, nil
}

// Valence is whether a response went well for the one writing: the
// CCRT scores each response positive or negative. "" is not said.
type Valence string

// Valences lists the choices, unsaid first.
var Valences = []Valence{"", "positive", "negative"}

// ParseValence accepts positive or negative, ignoring case; "" is unsaid.
func ParseValence(typed string) (Valence, error) {
	s := Valence(strings.ToLower(strings.TrimSpace(typed)))
	for _, v := range Valences {
		if s == v {
			return v, nil
		}
	}
	return "", Errorf(EInvalid, "“%s” is not positive or negative. Use positive or negative, or leave it out.", typed)
}

// Response is how the other or I responded, in CCRT terms: its
// categories, whether it is what I expected would happen rather than
// what actually happened, and whether it went well.
type Response struct {
	Categories []string
	Expected   bool // what I expected or feared, not what actually happened
	Valence    Valence
}

// CCRT is an episode's categories, one set per component.
type CCRT struct {
	Wishes []string // categories of what I wanted
	Other  Response
	Self   Response
}

// Of is the categories given for component c.
func (c CCRT) Of(comp Component) []string {
	switch comp {
	case WishComponent:
		return c.Wishes
	case OtherComponent:
		return c.Other.Categories
	default:
		return c.Self.Categories
	}
}

// Validate checks every category belongs to its component and every
// valence is known, tidying repeats.
func (c *CCRT) Validate() error {
	var err error
	if c.Wishes, err = WishComponent.parseCategories(c.Wishes); err != nil {
		return err
	}
	if c.Other.Categories, err = OtherComponent.parseCategories(c.Other.Categories); err != nil {
		return err
	}
	if c.Self.Categories, err = SelfComponent.parseCategories(c.Self.Categories); err != nil {
		return err
	}
	if c.Other.Valence, err = ParseValence(string(c.Other.Valence)); err != nil {
		return err
	}
	c.Self.Valence, err = ParseValence(string(c.Self.Valence))
	return err
}

// Describe is one component of an episode on a line: its categories,
// for a response whether it was expected and how it went, then the
// writer's own words. "" when nothing was given.
func (ep Episode) Describe(comp Component) string {
	var text string
	var notes []string
	switch comp {
	case WishComponent:
		text = ep.Wish
	case OtherComponent:
		text, notes = ep.OtherResponse, ep.CCRT.Other.notes()
	default:
		text, notes = ep.SelfResponse, ep.CCRT.Self.notes()
	}
	line := strings.Join(ep.CCRT.Of(comp), ", ")
	if len(notes) > 0 {
		line = strings.TrimSpace(line + " (" + strings.Join(notes, ", ") + ")")
	}
	if text = strings.TrimSpace(text); text != "" && line != "" {
		return line + " — " + text
	}
	return line + text
}

func (r Response) notes() []string {
	var notes []string
	if r.Expected {
		notes = append(notes, "expected")
	}
	if r.Valence != "" {
		notes = append(notes, string(r.Valence))
	}
	return notes
}
