package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// openTestSettings shows the Settings screen on a, over store, in a
// window of its own, as the window would after a start.
func openTestSettings(t *testing.T, a fyne.App, store settingsStore, actions settingsActions) *settingsScreen {
	t.Helper()
	win := a.NewWindow("Settings")
	t.Cleanup(win.Close)
	v := newSettingsScreen(testEnv(), a, win, store, actions)
	v.reload()
	win.SetContent(v.content)
	win.Resize(fyne.NewSize(760, 900))
	win.Show()
	return v
}

func TestSettings_KeptAcrossRestart(t *testing.T) {
	a := test.NewTempApp(t)
	store := mustOpenJournal(t)
	v := openTestSettings(t, a, store, settingsActions{})

	// Given a new journal, everything is as it comes: reminders off.
	if v.theme.Selected != "Same as my computer" || v.textSize.Selected != "Normal" || v.dailyReminder.Checked ||
		v.sessionReminder.Checked || v.reminderTime.Text != defaultReminderTime {
		t.Fatalf("defaults shown: theme %q, size %q, daily %v, session %v, time %q",
			v.theme.Selected, v.textSize.Selected, v.dailyReminder.Checked, v.sessionReminder.Checked, v.reminderTime.Text)
	}

	// When the person chooses dark, larger text, both reminders at 7:45,
	v.theme.SetSelected("Dark")
	v.textSize.SetSelected("Larger")
	test.Tap(v.dailyReminder)
	test.Tap(v.sessionReminder)
	v.reminderTime.SetText("")
	test.Type(v.reminderTime, "7:45")
	test.Tap(v.keepTime)

	// then each is kept in the preferences,
	p := a.Preferences()
	if p.String(prefTheme) != themeDark || p.String(prefTextSize) != "larger" || !p.Bool(prefDailyReminder) ||
		!p.Bool(prefSessionReminder) || p.String(prefReminderTime) != "07:45" {
		t.Errorf("kept: theme %q, size %q, daily %v, session %v, time %q", p.String(prefTheme), p.String(prefTextSize),
			p.Bool(prefDailyReminder), p.Bool(prefSessionReminder), p.String(prefReminderTime))
	}
	if !strings.Contains(v.reminderStatus.Text, "07:45") {
		t.Errorf("the time kept isn't confirmed: %q", v.reminderStatus.Text)
	}
	// and the look changes at once.
	if th, ok := a.Settings().Theme().(journalTheme); !ok || th.variant != themeDark || th.scale != 1.15 {
		t.Errorf("theme in effect: %#v", a.Settings().Theme())
	}

	// After a restart (Fyne's theme back, the preferences read again),
	a.Settings().SetTheme(test.Theme())
	applyAppearance(a)
	again := openTestSettings(t, a, store, settingsActions{})
	// the saved look is in effect and every choice shows as it was made.
	if th, ok := a.Settings().Theme().(journalTheme); !ok || th.variant != themeDark || th.scale != 1.15 {
		t.Errorf("theme after the restart: %#v", a.Settings().Theme())
	}
	if again.theme.Selected != "Dark" || again.textSize.Selected != "Larger" || !again.dailyReminder.Checked ||
		!again.sessionReminder.Checked || again.reminderTime.Text != "07:45" {
		t.Errorf("after the restart: theme %q, size %q, daily %v, session %v, time %q",
			again.theme.Selected, again.textSize.Selected, again.dailyReminder.Checked, again.sessionReminder.Checked, again.reminderTime.Text)
	}
	// Showing them changed nothing.
	if p.String(prefTheme) != themeDark || !p.Bool(prefDailyReminder) {
		t.Error("showing the settings changed them")
	}

	// Turning a reminder off is kept too.
	test.Tap(again.dailyReminder)
	if p.Bool(prefDailyReminder) {
		t.Error("the daily reminder is still on after turning it off")
	}
}

func TestSettings_UnreadableReminderTimeChangesNothing(t *testing.T) {
	a := test.NewTempApp(t)
	v := openTestSettings(t, a, mustOpenJournal(t), settingsActions{})
	for _, typed := range []string{"25:00", "half past eight", ""} {
		v.reminderTime.SetText("")
		test.Type(v.reminderTime, typed)
		v.reminderTime.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Return uses it
		if got := v.reminderStatus.Text; !strings.Contains(got, "24-hour clock, like 08:30 or 20:00") || !strings.Contains(got, "wasn't changed") {
			t.Errorf("%q: the message is %q", typed, got)
		}
		if kept := a.Preferences().String(prefReminderTime); kept != "" {
			t.Errorf("%q: kept %q", typed, kept)
		}
	}
	// Typing again clears the message.
	test.Type(v.reminderTime, "2")
	if v.reminderStatus.Text != "" {
		t.Errorf("the message stays while typing: %q", v.reminderStatus.Text)
	}
}

func TestSettings_CrisisLinesKeptInTheJournal(t *testing.T) {
	a := test.NewTempApp(t)
	store := mustOpenJournal(t)
	// A line typed before places were asked stands for somewhere else.
	if err := store.SetSetting(journal.SettingCrisisLine, "In Germany: 0800 111 0 111"); err != nil {
		t.Fatal(err)
	}
	v := openTestSettings(t, a, store, settingsActions{})
	if v.crisis.picker.where.Selected != journal.ElsewhereChoice || v.crisis.picker.own.Text != "In Germany: 0800 111 0 111" {
		t.Fatalf("the old line shows as %q, %q", v.crisis.picker.where.Selected, v.crisis.picker.own.Text)
	}

	choosePlace(t, v.crisis.picker, "nz")
	v.crisis.picker.own.SetText("")
	test.Tap(v.crisis.save)
	if got, _ := journal.ConfiguredCrisisText(store); got != journal.CrisisText("nz", "") {
		t.Errorf("kept %q", got)
	}
	if v.crisis.status.Text == "" {
		t.Error("saving isn't confirmed")
	}
	// The Measures screen and the crisis help read the same settings.
	m := newMeasuresScreen(v.env, v.win, store)
	m.reload()
	if got := m.crisis.picker.where.Selected; got != journal.CrisisRegions[3].Choice() {
		t.Errorf("the Measures screen shows %q", got)
	}
	showCrisisHelp(v.win, store)
	if text := overlayText(t, v.win); !strings.Contains(text, "1737") || strings.Contains(text, "988") {
		t.Errorf("the crisis help after choosing New Zealand:\n%s", text)
	}
}

func TestSettings_DataAndPrivacyOpenTheWindowsDialogs(t *testing.T) {
	a := test.NewTempApp(t)
	store := mustOpenJournal(t)
	var opened []string
	v := openTestSettings(t, a, store, settingsActions{
		showLocations:  func() { opened = append(opened, "locations") },
		showBackups:    func() { opened = append(opened, "backups") },
		showEncryption: func() { opened = append(opened, "encryption") },
	})
	if v.path.Text != store.Path() {
		t.Errorf("path shown %q, want %q", v.path.Text, store.Path())
	}
	if !strings.Contains(v.encrypted.Text, "not encrypted") {
		t.Errorf("a plain journal is described as %q", v.encrypted.Text)
	}
	test.Tap(v.locations)
	test.Tap(v.backups)
	test.Tap(v.encryption)
	if !slices.Equal(opened, []string{"locations", "backups", "encryption"}) {
		t.Errorf("opened %q", opened)
	}

	if err := store.EnableEncryption("correct horse battery staple"); err != nil {
		t.Fatal(err)
	}
	v.reload()
	if !strings.Contains(v.encrypted.Text, "is encrypted") {
		t.Errorf("an encrypted journal is described as %q", v.encrypted.Text)
	}
}

func TestSettings_EveryControlReachableWithTab(t *testing.T) {
	a := test.NewTempApp(t)
	v := openTestSettings(t, a, mustOpenJournal(t), settingsActions{})
	c := v.win.Canvas()
	var reached []fyne.Focusable
	for range 60 {
		c.FocusNext()
		if f := c.Focused(); f != nil && !slices.Contains(reached, f) {
			reached = append(reached, f)
		}
	}
	want := []fyne.Focusable{v.textSize, v.dailyReminder, v.sessionReminder, v.reminderTime, v.keepTime,
		v.crisis.picker.own, v.crisis.reset, v.crisis.save, v.locations, v.backups, v.encryption}
	at := -1
	for _, w := range want {
		i := slices.Index(reached, w)
		if i < 0 {
			t.Errorf("Tab never reaches %v", describe(w))
			continue
		}
		if i < at {
			t.Errorf("Tab reaches %v out of order", describe(w))
		}
		at = i
	}
	// The theme's choices come first, each reachable.
	radios := 0
	for _, f := range reached[:slices.Index(reached, fyne.Focusable(v.textSize))] {
		if fmt.Sprintf("%T", f) == "*widget.radioItem" {
			radios++
		}
	}
	if radios != len(themeChoices) {
		t.Errorf("Tab reaches %d theme choices before the text size, want %d", radios, len(themeChoices))
	}
	// So are the places to choose the crisis lines by.
	places := 0
	for _, f := range reached[slices.Index(reached, fyne.Focusable(v.keepTime)):slices.Index(reached, fyne.Focusable(v.crisis.picker.own))] {
		if fmt.Sprintf("%T", f) == "*widget.radioItem" {
			places++
		}
	}
	if places != len(journal.CrisisRegions)+1 {
		t.Errorf("Tab reaches %d places before the crisis line, want %d", places, len(journal.CrisisRegions)+1)
	}
}

func describe(f fyne.Focusable) string {
	switch w := f.(type) {
	case *widget.Button:
		return "button " + w.Text
	case *widget.Check:
		return "check " + w.Text
	}
	return fmt.Sprintf("%T", f)
}
