package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// checkInStore is what the quick check-in reads and writes.
type checkInStore interface {
	Emotions() ([]journal.Emotion, error)
	AddMoodCheckIn(journal.MoodCheckIn) (journal.MoodCheckIn, error)
}

// checkInDialog notes a mood without writing an entry. The feelings are
// chosen first and the mood last, and choosing the mood saves: a mood
// alone takes two clicks from anywhere in the window (the button, then
// the number).
type checkInDialog struct {
	*env
	win      fyne.Window
	store    checkInStore
	saved    func() // after a check-in is kept
	dialog   *dialog.CustomDialog
	moods    [journal.MaxMood]*widget.Button
	chips    map[string]*widget.Check
	chosen   []string // the feelings ticked, in the order ticked
	problem  *widget.Label
	emotions *fyne.Container
}

// showCheckIn reads the feelings, then opens the check-in.
func showCheckIn(e *env, win fyne.Window, store checkInStore, saved func()) *checkInDialog {
	c := &checkInDialog{env: e, win: win, store: store, saved: saved, chips: map[string]*widget.Check{}}
	c.problem = wrapped("")
	c.problem.Importance = widget.DangerImportance
	c.problem.Hide()
	moods := container.NewGridWithColumns(journal.MaxMood)
	for i := range c.moods {
		mood := i + 1
		c.moods[i] = widget.NewButton(strconv.Itoa(mood), func() { c.save(mood) })
		moods.Add(c.moods[i])
	}
	c.emotions = container.NewGridWrap(fyne.NewSize(140, 36))
	content := container.NewBorder(
		container.NewVBox(note("Tick any feelings that fit, then choose your mood, 1 (very low) to 10 (very good), to save. No entry is written.")),
		container.NewVBox(heading("Mood"), container.NewBorder(nil, nil, widget.NewLabel("low"), widget.NewLabel("good"), moods), c.problem),
		nil, nil, container.NewVScroll(c.emotions))
	cancel := newDialogButton("Cancel", nil, widget.MediumImportance, func() { c.dialog.Hide() })
	c.dialog = dialog.NewCustomWithoutButtons("How are you right now?", content, win)
	c.dialog.SetButtons([]fyne.CanvasObject{layout.NewSpacer(), cancel})
	c.dialog.Resize(fyne.NewSize(720, 460))
	c.background(func() func() {
		emotions, err := store.Emotions()
		return func() {
			if err != nil {
				c.showProblem(err)
			}
			for _, em := range emotions {
				name := em.Name
				chip := widget.NewCheck(name, func(on bool) { c.tick(name, on) })
				c.chips[name] = chip
				c.emotions.Add(chip)
			}
		}
	})
	c.dialog.Show()
	closesOnEscape(win, cancel.OnTapped, c.dialog.SetOnClosed)
	win.Canvas().Focus(c.moods[0])
	return c
}

// tick keeps the feelings chosen, at most a few: the rule is the
// journal's, so the window says it before saving rather than after.
func (c *checkInDialog) tick(name string, on bool) {
	for i, n := range c.chosen {
		if n == name {
			c.chosen = append(c.chosen[:i], c.chosen[i+1:]...)
			break
		}
	}
	if on {
		c.chosen = append(c.chosen, name)
	}
	check := journal.MoodCheckIn{At: c.now(), Mood: journal.MinMood, Emotions: c.chosen}
	if err := check.Validate(); err != nil {
		c.showProblem(err)
	} else {
		c.problem.Hide()
	}
}

// save keeps the check-in off the UI goroutine; on a failure the dialog
// stays open with what was chosen, and says why.
func (c *checkInDialog) save(mood int) {
	check := journal.MoodCheckIn{At: c.now(), Mood: mood, Emotions: append([]string(nil), c.chosen...)}
	c.background(func() func() {
		_, err := c.store.AddMoodCheckIn(check)
		return func() {
			if err != nil {
				c.showProblem(err)
				return
			}
			c.dialog.Hide()
			if c.saved != nil {
				c.saved()
			}
		}
	})
}

func (c *checkInDialog) showProblem(err error) {
	c.problem.SetText(err.Error())
	c.problem.Show()
}
