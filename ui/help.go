package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// helpSection is one page of the in-app guide: a screen's worth, no more.
type helpSection struct {
	title      string
	paragraphs []string
}

// crisisButtonText is on top of every page of the guide.
const crisisButtonText = "If you're struggling right now"

var helpSections = []helpSection{
	{"Patterns", []string{
		"A pattern is something you notice yourself doing again and again, often with the people who matter to you: " +
			"saying yes when you mean no, going quiet when you feel criticised, explaining a feeling rather than feeling it.",
		"Name one as you write: type #people-pleasing, or any pattern's name, in an entry, and it is linked when you save. " +
			"A tag that isn't a pattern yet is offered as a new one. The Vocabulary screen (Ctrl+9) lists them all, " +
			"each with a line about it, and lets you add your own.",
		"The Patterns screen (Ctrl+4) shows how often each one came up over a period, which come up together, " +
			"and your mood on days with and without them.",
		"Together lists patterns named in the same entries. Once two share at least 5 entries, it sets that against chance: " +
			"if one is in a third of your entries and the other in half, chance alone would put them together in a sixth, " +
			"and \"2.0× as often as chance would have it\" means twice that. The furthest above chance come first.",
		"With fewer than 5 shared entries it gives only the count, like \"together in 2 of the 3 entries that name either\": " +
			"so few can come together by chance, and a figure like 1.7× would claim more than they show. " +
			"Anything from 0.9× to 1.1× is about as often as chance, and is said so rather than shown as a finding.",
		"The arrows beside the bars compare with the same number of days just before. When those days hold no entries, " +
			"or there are none before (all time), nothing is compared, and the screen says so.",
		"Patterns describe what you noticed. They are not a diagnosis and they don't say what is wrong with you: " +
			"they are something to be curious about, with your therapist if you like.",
	}},
	{"Goals", []string{
		"Goals are what you want from therapy, in your own words, such as \"Express what I need\" or \"Set healthy boundaries\". " +
			"The Goals screen (Ctrl+6) offers a starting set, or write your own, in the order that matters to you.",
		"Check in on a goal now and then: a rating from 0 to 10, and a note if you like. Its page charts your check-ins, " +
			"marks your last session and says how the goal has moved since.",
		"Evidence: in an entry, Goals links it to a goal it shows, however small the step (\"today I said what I needed\"). " +
			"On a harder day, it helps to see them.",
		"Goals can change. Edit one, mark it complete or archive it: its history stays.",
	}},
	{"Session report", []string{
		"Before a session, the Session prep screen (Ctrl+E) gathers what you might bring, by default from the days since your last session.",
		"It can hold a short summary (entries written, your mood and how it changed, the patterns that came up most), " +
			"the entries you ticked \"Bring to my next session\", your relationship episodes, your goals, " +
			"questionnaire scores and the questions you noted for next time. Choose the parts, and untick any entry to leave it out.",
		"Tick \"Hide people's names\" to show who each person is to you instead, like \"your boss\".",
		"The report is yours. Read it on your own, take it along, share all of it, some of it or none of it: " +
			"nothing is sent anywhere. It saves as a PDF, Markdown, a printable page or CSV.",
	}},
	{"Keyboard", []string{
		"Everything in Throughline can be done from the keyboard. Tab and Shift+Tab move between controls, " +
			"Space presses the highlighted button, and in a dialog Return does too.",
		"F1, or Ctrl+/, shows every shortcut, such as Ctrl+N for a new entry and Ctrl+1 to Ctrl+9 for the screens.",
	}},
}

// helpView is the guide: the pages on the left, the one chosen beside
// them.
type helpView struct {
	pages     []*widget.Button // one per section, to choose it
	crisis    []*widget.Button // each page's way to the crisis resources
	sections  []fyne.CanvasObject
	shortcuts *widget.Button // on the Keyboard page
	shown     *fyne.Container
	content   fyne.CanvasObject
}

// showHelp shows the short guide to patterns, goals, the session report
// and the keyboard, with the crisis resources on top of every page.
func showHelp(win fyne.Window, store journal.SettingsReader) {
	v := newHelpView(win, store)
	showChoices(win, "A short guide", v.content, fyne.NewSize(780, 560), dialogChoice{label: "Close", focused: true})
}

func newHelpView(win fyne.Window, store journal.SettingsReader) *helpView {
	v := &helpView{shown: container.NewStack()}
	v.shortcuts = widget.NewButtonWithIcon("Show every shortcut", theme.ListIcon(), func() { showShortcuts(win, defaultShortcuts()) })
	list := container.NewVBox()
	for i, s := range helpSections {
		crisis := widget.NewButtonWithIcon(crisisButtonText, theme.InfoIcon(), func() { showCrisisHelp(win, store) })
		crisis.Importance = widget.HighImportance
		v.crisis = append(v.crisis, crisis)
		heading := widget.NewLabelWithStyle(s.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		heading.SizeName = theme.SizeNameSubHeadingText
		page := container.NewVBox(container.NewHBox(crisis), heading)
		for _, p := range s.paragraphs {
			page.Add(wrapped(p))
		}
		if s.title == "Keyboard" {
			page.Add(container.NewHBox(v.shortcuts))
		}
		v.sections = append(v.sections, container.NewVScroll(page))
		b := widget.NewButton(s.title, func() { v.show(i) })
		b.Alignment = widget.ButtonAlignLeading
		v.pages = append(v.pages, b)
		list.Add(b)
	}
	v.show(0)
	v.content = container.NewBorder(nil, nil, container.NewHBox(list, widget.NewSeparator()), nil, v.shown)
	return v
}

// show puts section i beside the list, and marks its button.
func (v *helpView) show(i int) {
	for j, b := range v.pages {
		b.Importance = widget.LowImportance // flat: the page shown stands out
		if j == i {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	v.shown.Objects = []fyne.CanvasObject{v.sections[i]}
	v.shown.Refresh()
}
