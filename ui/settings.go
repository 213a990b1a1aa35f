package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// settingsStore is what the Settings screen needs from the journal.
type settingsStore interface {
	Path() string
	Encrypted() bool
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	SetCrisisLines(region, own string) error
}

var _ settingsStore = (*jstore.Store)(nil)

// settingsActions are the window's own dialogs the Settings screen
// opens.
type settingsActions struct {
	showLocations  func() // where the journal and its files are
	showBackups    func()
	showEncryption func()
}

// settingsScreen gathers what a person can set: how the window looks,
// the reminders, the crisis lines, and the way to where the journal
// lives, its backups and its encryption. Appearance and reminders are
// Fyne preferences of this computer; the crisis lines are in the journal.
type settingsScreen struct {
	*env
	app     fyne.App
	win     fyne.Window
	store   settingsStore
	actions settingsActions

	theme    *widget.RadioGroup
	textSize *widget.Select

	dailyReminder   *widget.Check
	sessionReminder *widget.Check
	reminderTime    *widget.Entry
	keepTime        *widget.Button
	reminderStatus  *widget.Label

	crisis *crisisLineEditor

	path       *widget.Label
	locations  *widget.Button
	backups    *widget.Button
	encrypted  *widget.Label
	encryption *widget.Button

	loading bool // reload is setting the widgets: their handlers keep nothing
	content fyne.CanvasObject
}

func newSettingsScreen(e *env, a fyne.App, win fyne.Window, store settingsStore, actions settingsActions) *settingsScreen {
	v := &settingsScreen{app: a, win: win, store: store, actions: actions, env: e}

	var themeLabels []string
	for _, c := range themeChoices {
		themeLabels = append(themeLabels, c.label)
	}
	v.theme = widget.NewRadioGroup(themeLabels, v.onTheme)
	v.theme.Horizontal = true
	v.theme.Required = true
	var sizeLabels []string
	for _, s := range textSizes {
		sizeLabels = append(sizeLabels, s.label)
	}
	v.textSize = widget.NewSelect(sizeLabels, v.onTextSize)
	appearance := widget.NewCard("Appearance", "", widget.NewForm(
		widget.NewFormItem("Theme", v.theme),
		widget.NewFormItem("Text size", container.NewHBox(v.textSize)),
	))

	v.dailyReminder = widget.NewCheck("Remind me to write each day", v.onDailyReminder)
	v.sessionReminder = widget.NewCheck("Remind me the day before my next session to prepare what to bring", v.onSessionReminder)
	v.reminderTime = &widget.Entry{PlaceHolder: defaultReminderTime}
	v.reminderTime.ExtendBaseWidget(v.reminderTime)
	v.reminderTime.OnChanged = func(string) { v.reminderStatus.SetText("") }
	v.reminderTime.OnSubmitted = func(string) { v.onKeepTime() }
	v.keepTime = widget.NewButton("Use this time", v.onKeepTime)
	v.reminderStatus = wrapped("")
	reminders := widget.NewCard("Reminders", "", container.NewVBox(
		v.dailyReminder,
		v.sessionReminder,
		container.NewHBox(widget.NewLabel("Reminders come at"), container.New(&minWidth{width: 90}, v.reminderTime), v.keepTime),
		v.reminderStatus,
		note("Reminders are desktop notifications while Throughline is open. The day before your next session "+
			"counts from the date set on the Sessions screen. Both are off until you turn them on."),
	))

	v.crisis = newCrisisLineEditor(e, win, store,
		"Shown under Help → If you're struggling right now (Ctrl+Shift+H), on the lock screen, in the guide, "+
			"with the safety message after a questionnaire, and on the command line. It is kept in your journal, and so in its backups.")
	crisis := v.crisis.card

	v.path = wrapped("")
	v.path.Selectable = true
	v.locations = widget.NewButtonWithIcon("Where my journal lives…", theme.FolderIcon(), func() { callIfSet(v.actions.showLocations) })
	v.backups = widget.NewButtonWithIcon("Backups…", theme.HistoryIcon(), func() { callIfSet(v.actions.showBackups) })
	data := widget.NewCard("Your data", "", container.NewVBox(
		widget.NewLabel("Your journal is the file:"),
		v.path,
		container.NewHBox(v.locations, v.backups),
	))

	v.encrypted = wrapped("")
	v.encryption = widget.NewButtonWithIcon("Encryption…", theme.VisibilityOffIcon(), func() { callIfSet(v.actions.showEncryption) })
	privacy := widget.NewCard("Privacy", "", container.NewVBox(v.encrypted, container.NewHBox(v.encryption)))

	v.content = container.NewVScroll(container.NewPadded(container.NewVBox(appearance, reminders, crisis, data, privacy)))
	v.showPreferences()
	v.showJournal()
	return v
}

func callIfSet(action func()) {
	if action != nil {
		action()
	}
}

// reload shows the settings as they are kept: the preferences and the
// journal's place at once, the crisis lines once read from the journal.
// Call it each time the screen is shown.
func (v *settingsScreen) reload() {
	v.showPreferences()
	v.showJournal()
	v.crisis.reload()
}

// showPreferences shows the appearance and reminders kept in the
// preferences.
func (v *settingsScreen) showPreferences() {
	p := v.app.Preferences()
	v.loading = true
	chosen := chosenTheme(p)
	for _, c := range themeChoices {
		if c.value == chosen {
			v.theme.SetSelected(c.label)
		}
	}
	size, _ := chosenTextSize(p)
	for _, s := range textSizes {
		if s.value == size {
			v.textSize.SetSelected(s.label)
		}
	}
	r := readReminderPrefs(p)
	v.dailyReminder.SetChecked(r.daily)
	v.sessionReminder.SetChecked(r.session)
	v.reminderTime.SetText(formatClock(r.hour, r.minute))
	v.reminderStatus.SetText("")
	v.loading = false
}

// showJournal shows where the journal is and whether it is encrypted.
func (v *settingsScreen) showJournal() {
	v.path.SetText(v.store.Path())
	if v.store.Encrypted() {
		v.encrypted.SetText("Your journal is encrypted: it opens only with your passphrase.")
	} else {
		v.encrypted.SetText("Your journal is not encrypted: anyone who can read the file can read what you wrote.")
	}
}

func (v *settingsScreen) onTheme(label string) {
	for _, c := range themeChoices {
		if c.label == label && !v.loading {
			v.app.Preferences().SetString(prefTheme, c.value)
			applyAppearance(v.app)
		}
	}
}

func (v *settingsScreen) onTextSize(label string) {
	for _, s := range textSizes {
		if s.label == label && !v.loading {
			v.app.Preferences().SetString(prefTextSize, s.value)
			applyAppearance(v.app)
		}
	}
}

func (v *settingsScreen) onDailyReminder(on bool) {
	if !v.loading {
		v.app.Preferences().SetBool(prefDailyReminder, on)
	}
}

func (v *settingsScreen) onSessionReminder(on bool) {
	if !v.loading {
		v.app.Preferences().SetBool(prefSessionReminder, on)
	}
}

// onKeepTime keeps the reminder time typed, or says how to write it and
// keeps the time there was.
func (v *settingsScreen) onKeepTime() {
	hour, minute, err := parseClock(v.reminderTime.Text)
	if err != nil {
		v.reminderStatus.SetText(err.Error() + " The reminder time wasn't changed.")
		return
	}
	at := formatClock(hour, minute)
	v.app.Preferences().SetString(prefReminderTime, at)
	v.reminderTime.SetText(at)
	v.reminderStatus.SetText("Reminders will come at " + at + ".")
}

// minWidth lays out its content at least width wide, for an entry in a
// row, which would otherwise be too narrow to type in.
type minWidth struct{ width float32 }

func (m *minWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := objects[0].MinSize()
	return fyne.NewSize(max(s.Width, m.width), s.Height)
}

func (m *minWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Resize(size)
}
