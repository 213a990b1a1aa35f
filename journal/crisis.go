package journal

import "strings"

// CrisisRegion is a place whose crisis lines Throughline knows, so the
// help it shows gives numbers that work where the person lives.
type CrisisRegion struct {
	ID        string // kept as SettingCrisisRegion: "uk-ie"
	Name      string // as a person picks it: "United Kingdom or Ireland"
	Where     string // as a list names it: "the UK and Ireland"
	Emergency string // the emergency number: "999 or 112"
	Line      string // the crisis line, as a list shows it: "Samaritans, 116 123"
	Talk      string // how to reach it: "call Samaritans on 116 123"
}

// RegionElsewhere is the choice for a place not listed: the person
// types their own line, kept as SettingCrisisLine.
const RegionElsewhere = "elsewhere"

// CrisisRegions are the places offered, each with its emergency number
// and a free crisis line open day and night.
var CrisisRegions = []CrisisRegion{
	{ID: "us-ca", Name: "United States or Canada", Where: "the US and Canada", Emergency: "911", Line: "988", Talk: "call or text 988"},
	{ID: "uk-ie", Name: "United Kingdom or Ireland", Where: "the UK and Ireland", Emergency: "999 or 112", Line: "Samaritans, 116 123", Talk: "call Samaritans on 116 123"},
	{ID: "au", Name: "Australia", Where: "Australia", Emergency: "000", Line: "Lifeline, 13 11 14", Talk: "call Lifeline on 13 11 14"},
	{ID: "nz", Name: "New Zealand", Where: "New Zealand", Emergency: "111", Line: "1737", Talk: "call or text 1737"},
}

// CrisisRegionByID finds a region by its ID, ignoring case and spaces;
// ok is false for RegionElsewhere and anything unknown.
func CrisisRegionByID(id string) (CrisisRegion, bool) {
	id = strings.ToLower(strings.TrimSpace(id))
	for _, r := range CrisisRegions {
		if r.ID == id {
			return r, true
		}
	}
	return CrisisRegion{}, false
}

// Choice is a region as a list offers it, with its line, so a person
// can check it: "United Kingdom or Ireland (Samaritans, 116 123)".
func (r CrisisRegion) Choice() string { return r.Name + " (" + r.Line + ")" }

// ElsewhereChoice is how the list offers RegionElsewhere.
const ElsewhereChoice = "Somewhere else: type your local line"

const (
	dangerLocal = "If you are in immediate danger, call your local emergency number now."
	talkAnyTime = "To talk to someone, any time of day or night, "
)

// text is the region's crisis lines: emergency services first.
func (r CrisisRegion) text() string {
	return "If you are in immediate danger, call " + r.Emergency + " now.\n" + talkAnyTime + r.Talk + "."
}

// CrisisDefault is the crisis text shown before the person has said
// where they live: every listed place's numbers, emergency services first.
var CrisisDefault = func() string {
	var emergency, talk []string
	for _, r := range CrisisRegions {
		emergency = append(emergency, r.Emergency+" in "+r.Where)
		talk = append(talk, "In "+r.Where+", "+r.Talk+".")
	}
	return "If you are in immediate danger, call your local emergency number now: " + strings.Join(emergency, ", ") + ".\n" +
		talkAnyTime + "any of these lines will listen:\n" + strings.Join(talk, "\n") + "\n" +
		"Anywhere else, call your local crisis line. Choose where you live in Settings to see only yours."
}()

// CrisisText is the crisis text for where the person lives (a region's
// ID, RegionElsewhere or "") and the line they typed themselves, which
// follows a region's lines, or stands for them somewhere else.
func CrisisText(region, own string) string {
	own = strings.TrimSpace(own)
	if r, ok := CrisisRegionByID(region); ok {
		if own == "" {
			return r.text()
		}
		return r.text() + "\n" + own
	}
	if own == "" {
		return CrisisDefault
	}
	return dangerLocal + "\n" + own
}

// SettingsReader is anything that reads the journal's settings.
type SettingsReader interface {
	Setting(key string) (string, error)
}

// ConfiguredCrisisText reads where the person lives and their own line
// from the settings, and gives the crisis text they choose. When the
// settings can't be read it still gives a text, the default, with the
// error: crisis help is never withheld.
func ConfiguredCrisisText(s SettingsReader) (string, error) {
	region, err := s.Setting(SettingCrisisRegion)
	if err != nil {
		return CrisisDefault, err
	}
	own, err := s.Setting(SettingCrisisLine)
	if err != nil {
		return CrisisDefault, err
	}
	return CrisisText(region, own), nil
}

// CrisisHelpMessage is the calm text for someone who chose to look for
// help: it assumes nothing about why, and says the lines are for anyone
// struggling, not only for emergencies. crisisText is CrisisText's.
func CrisisHelpMessage(crisisText string) string {
	if crisisText = strings.TrimSpace(crisisText); crisisText == "" {
		crisisText = CrisisDefault
	}
	return "When things feel like too much, talking to someone can help. You don't have to be in danger to call, " +
		"and you don't have to get through this on your own.\n\n" +
		crisisText + "\n\n" +
		"If you're safe for now, it can also help to tell someone you trust how you're feeling, " +
		"or to contact your therapist before your next session if you need to."
}
