package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const welcomeText = "Throughline is a private journal for the time between therapy sessions. " +
	"Write what happened and what you felt, notice the patterns that keep coming back, " +
	"and gather what you'd like to bring to your therapist.\n\n" +
	"Everything stays on this computer, readable by you alone. Throughline never uses the network.\n\n" +
	"A minute of setting up helps: your goals for therapy, when your next session is, where you live (for the " +
	"right crisis line), and whether to lock the journal with a passphrase. All of it can be changed later, or skipped now."

// onboardingStore is what the first-run welcome needs from the journal:
// whether it is new, and the first choices it keeps.
type onboardingStore interface {
	Entries(journal.EntryQuery) ([]journal.Entry, error)
	Goals() ([]journal.Goal, error)
	AddGoals([]journal.Goal) ([]journal.Goal, error)
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	SetCrisisLines(region, own string) error
	EnableEncryption(passphrase string) error
}

var _ onboardingStore = (*jstore.Store)(nil)

// onboarding is the first-run welcome: a few steps, each skippable.
type onboarding struct {
	w        *Window
	skip     *dialogButton // the welcome's, for tests
	goals    *goalsFirstUse
	approach *widget.Select
	next     *widget.Entry
	crisis   *crisisPicker
	pass     *widget.Entry
	again    *widget.Entry
	problem  *widget.Label
	join     *joinForm // the join page's, once shown
}

// firstRun reports whether the journal is new, never written in or set
// up, and the welcome not yet seen.
func (w *Window) firstRun() bool {
	seen, err := w.store.Setting(journal.SettingOnboarded)
	if err != nil || seen != "" {
		return false
	}
	entries, err := w.store.Entries(journal.EntryQuery{Limit: 1})
	if err != nil || len(entries) > 0 {
		return false
	}
	goals, err := w.store.Goals()
	return err == nil && len(goals) == 0
}

// showOnboarding shows the welcome. "Skip" has the focus: a stray
// Return takes the person straight to writing, which loses nothing.
func (w *Window) showOnboarding() {
	o := &onboarding{w: w}
	w.onboarding = o
	o.skip = newDialogButton("Skip and start writing", nil, widget.MediumImportance, o.finish)
	begin := newDialogButton("Set up", theme.NavigateNextIcon(), widget.HighImportance, o.showGoals)
	join := newDialogButton("Join a synced journal…", theme.ViewRefreshIcon(), widget.MediumImportance, o.showJoin)
	o.page("Welcome to Throughline", wrapped(welcomeText), join, o.skip, begin)
	w.win.Canvas().Focus(o.skip)
}

// page shows one step: a heading, its content, and its buttons.
func (o *onboarding) page(heading string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	row := container.NewHBox(layout.NewSpacer())
	for _, b := range buttons {
		row.Add(b)
	}
	card := container.NewVBox(title, content, row)
	o.w.win.SetContent(container.NewCenter(container.New(&maxWidth{width: 640}, card)))
}

// showGoals offers the starter goals, as the Goals screen does on first use.
func (o *onboarding) showGoals() {
	o.goals = newGoalsFirstUse(func(goals []journal.Goal) {
		if len(goals) > 0 {
			if _, err := o.w.store.AddGoals(goals); err != nil {
				showProblem(o.w.win, "Couldn't keep the goals", err)
				return
			}
		}
		o.showTherapy()
	}, o.showTherapy)
	o.w.win.SetContent(o.goals.content)
}

// showTherapy asks for the approach and the next session's date.
func (o *onboarding) showTherapy() {
	o.approach = widget.NewSelect(journal.SessionApproaches, nil)
	o.approach.PlaceHolder = "Choose, or leave it"
	o.next = withDateTimePicker(widget.NewEntry(), o.w.now)
	o.next.SetPlaceHolder(onboardingExample(o.w.now()) + ", if you know it")
	o.next.OnSubmitted = func(string) { o.saveTherapy() }
	o.problem = widget.NewLabel("")
	o.problem.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Kind of therapy", o.approach), widget.NewFormItem("Next session", o.next))
	about := wrapped("Knowing when your next session is lets Throughline gather what you've written since the last one, " +
		"ready to take along. The kind of therapy fills in new sessions for you.")
	o.page("Your therapy", container.NewVBox(about, form, o.problem),
		newDialogButton("Skip", nil, widget.MediumImportance, o.showWhere),
		newDialogButton("Next", theme.NavigateNextIcon(), widget.HighImportance, o.saveTherapy))
	o.w.win.Canvas().Focus(o.next)
}

func (o *onboarding) saveTherapy() {
	var next string
	if text := o.next.Text; text != "" {
		t, err := journal.ParseWhen(text, o.w.now())
		if err != nil {
			o.problem.SetText(err.Error())
			return
		}
		next = t.Format(time.RFC3339)
	}
	for key, value := range map[string]string{journal.SettingApproach: o.approach.Selected, journal.SettingNextSession: next} {
		if value == "" {
			continue
		}
		if err := o.w.store.SetSetting(key, value); err != nil {
			o.problem.SetText(err.Error())
			return
		}
	}
	o.showWhere()
}

// showWhere asks where the person lives, so the crisis help gives lines
// that work there; left unanswered, it gives every listed place's.
func (o *onboarding) showWhere() {
	o.crisis = newCrisisPicker(func() { o.problem.SetText("") })
	o.crisis.own.OnSubmitted = func(string) { o.saveWhere() }
	o.problem = wrapped("")
	about := wrapped("If things ever get too much, Help → If you're struggling right now (Ctrl+Shift+H) shows where to call " +
		"for help at once. Say where you live, and it shows the lines there. Settings can change it.")
	o.page("Where do you live?", container.NewVBox(about, o.crisis.where, o.crisis.own, o.problem),
		newDialogButton("Skip", nil, widget.MediumImportance, o.showPrivacy),
		newDialogButton("Next", theme.NavigateNextIcon(), widget.HighImportance, o.saveWhere))
	c := o.w.win.Canvas()
	c.Unfocus()
	c.FocusNext() // the first place; Tab moves on and Space chooses

}

// saveWhere keeps the place chosen and any line typed; with neither,
// nothing is kept.
func (o *onboarding) saveWhere() {
	c := o.crisis.chosen()
	if c == (crisisLines{}) {
		o.showPrivacy()
		return
	}
	if err := o.w.store.SetCrisisLines(c.region, c.own); err != nil {
		o.problem.SetText(err.Error())
		return
	}
	o.showPrivacy()
}

// showPrivacy offers a passphrase, saying plainly that a forgotten one
// can't be recovered.
func (o *onboarding) showPrivacy() {
	o.pass, o.again = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	o.pass.SetPlaceHolder("Passphrase")
	o.again.SetPlaceHolder("The same again")
	o.again.OnSubmitted = func(string) { o.encrypt() }
	o.problem = widget.NewLabel("")
	o.problem.Wrapping = fyne.TextWrapWord
	warning := widget.NewLabelWithStyle(jstore.ForgottenWarning, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	warning.Wrapping = fyne.TextWrapWord
	about := wrapped("A passphrase locks the journal: everything you write is encrypted, and Throughline asks for it " +
		"each time it opens and after it has been left alone. It is optional, and can be turned on later under File → Encryption….")
	notNow := newDialogButton("Not now", nil, widget.MediumImportance, o.finish)
	o.page("Lock it with a passphrase?", container.NewVBox(about, warning, o.pass, o.again, o.problem),
		notNow, newDialogButton("Encrypt and start", theme.ConfirmIcon(), widget.HighImportance, o.encrypt))
	o.w.win.Canvas().Focus(o.pass)
}

func (o *onboarding) encrypt() {
	if o.pass.Text != o.again.Text {
		o.problem.SetText("The two passphrases weren't the same. Type them again, or choose Not now.")
		return
	}
	o.problem.SetText("Encrypting…")
	passphrase := o.pass.Text
	o.w.background(func() func() {
		err := o.w.store.EnableEncryption(passphrase)
		return func() {
			if err != nil {
				o.problem.SetText(err.Error())
				return
			}
			o.finish()
		}
	})
}

// finish remembers the welcome was seen and goes straight to writing.
func (o *onboarding) finish() {
	if err := o.w.store.SetSetting(journal.SettingOnboarded, "1"); err != nil {
		fyne.LogError("remembering the welcome was seen", err)
	}
	o.w.onboarding = nil
	o.w.build()
	o.w.startDailyBackups()
	o.w.journal.onNew()
	o.w.win.Canvas().Focus(o.w.journal.editor.title)
}

// onboardingExample is a next-session date to show as an example: a week
// on from now, so it is never in the past.
func onboardingExample(now time.Time) string {
	return "like " + now.AddDate(0, 0, 7).Format("2 Jan") + " 17:00"
}
