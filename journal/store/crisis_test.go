package store

import (
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestStore_SetCrisisLines(t *testing.T) {
	s := mustOpen(t)
	if err := s.SetCrisisLines(" UK-IE ", "  My therapist: 01632 960 123 "); err != nil {
		t.Fatal(err)
	}
	region, _ := s.Setting(journal.SettingCrisisRegion)
	own, _ := s.Setting(journal.SettingCrisisLine)
	if region != "uk-ie" || own != "My therapist: 01632 960 123" {
		t.Errorf("kept %q, %q", region, own)
	}
	err := s.SetCrisisLines("atlantis", "")
	if journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), "uk-ie (United Kingdom or Ireland)") || !strings.Contains(err.Error(), "Nothing was changed") {
		t.Errorf("an unknown place: %v", err)
	}
	if region, _ := s.Setting(journal.SettingCrisisRegion); region != "uk-ie" {
		t.Errorf("refusing changed the place to %q", region)
	}
	if err := s.SetCrisisLines("", ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := journal.ConfiguredCrisisText(s); got != journal.CrisisDefault {
		t.Errorf("after clearing, the text is %q", got)
	}
}

func TestConfiguredCrisisText_ReadsTheSettings(t *testing.T) {
	s := mustOpen(t)
	if got, err := journal.ConfiguredCrisisText(s); err != nil || got != journal.CrisisDefault {
		t.Errorf("a new journal gives %q, %v; want the default", got, err)
	}
	if err := s.SetSetting(journal.SettingCrisisRegion, "nz"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(journal.SettingCrisisLine, "My therapist: 021 000 0000"); err != nil {
		t.Fatal(err)
	}
	if got, err := journal.ConfiguredCrisisText(s); err != nil || got != journal.CrisisText("nz", "My therapist: 021 000 0000") {
		t.Errorf("got %q, %v", got, err)
	}
}
