package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/journal/transfer"
	analysis "github.com/throughline/throughline/patterns"
	"github.com/throughline/throughline/patterns/report"
)

// Export formats offered in the window.
var exportFormats = []struct {
	label  string
	format report.Format
}{
	{"PDF", report.FormatPDF}, {"Markdown report", report.FormatMarkdown}, {"Printable HTML", report.FormatHTML}, {"CSV (one row per entry)", report.FormatCSV},
	{"Markdown, every entry in full", report.FormatEntriesMarkdown},
}

var sectionLabels = map[report.Section]string{
	report.SectionSummary: "Summary", report.SectionFlagged: "Entries flagged for the session",
	report.SectionEpisodes: "Relationship episodes", report.SectionPatterns: "Pattern table and chart",
	report.SectionGoals: "Goal progress", report.SectionMeasures: "PHQ-9 and GAD-7",
	report.SectionQuestions: "From your last session: takeaways and questions",
	report.SectionCCRT:      "Relationship theme (CCRT)",
}

// exportStore is what the Session prep screen needs from the journal:
// what the report reads, the words hidden from it, and the choices kept
// between reports.
type exportStore interface {
	report.EntryStore
	AddPerson(journal.Person) (journal.Person, error)
	HideWords(words ...string) error
	SetSetting(key, value string) error
}

var _ exportStore = (*jstore.Store)(nil)

// exportScreen prepares the session-prep report: which days, which
// parts, which entries, with people's names or only their roles; it
// previews the report and saves it as a file.
type exportScreen struct {
	*env
	win   fyne.Window
	store exportStore

	period      *widget.Select
	from, to    *widget.Entry
	custom      *fyne.Container
	sections    map[report.Section]*widget.Check
	flaggedOnly *widget.Check
	redact      *widget.Check
	hiding      *fyne.Container           // with names hidden: what will be hidden, and words left that look like names
	hideWord    map[string]*widget.Button // "Hide" for each name-like word, by word
	addPerson   map[string]*widget.Button // "Add to people" for each name-like word
	entries     *fyne.Container
	included    map[int64]*widget.Check // the window's entries; unticked ones are left out
	format      *widget.Select
	path        *widget.Entry
	save        *widget.Button
	status      *widget.Label
	preview     *fyne.Container // the report as it prints: see reportPreview
	content     fyne.CanvasObject

	report report.Report // the report last previewed
	listed []journal.Entry
}

func newExportScreen(e *env, win fyne.Window, store exportStore) *exportScreen {
	v := &exportScreen{win: win, store: store, env: e, sections: map[report.Section]*widget.Check{}}
	v.period = widget.NewSelect([]string{periodSinceSession, periodMonth, periodQuarter, periodAll, periodCustom}, func(string) { v.refresh() })
	v.period.Selected = periodSinceSession
	v.from = &widget.Entry{PlaceHolder: "from, like 1 Nov"}
	v.from.ExtendBaseWidget(v.from)
	v.to = &widget.Entry{PlaceHolder: "to, like today"}
	v.to.ExtendBaseWidget(v.to)
	withDatePicker(v.from, v.now)
	withDatePicker(v.to, v.now)
	v.from.OnSubmitted, v.to.OnSubmitted = func(string) { v.refresh() }, func(string) { v.refresh() }
	v.custom = container.NewGridWithColumns(2, v.from, v.to)
	v.custom.Hide()
	checks := container.NewVBox()
	for _, s := range report.AllSections {
		c := widget.NewCheck(sectionLabels[s], func(bool) { v.refresh() })
		c.Checked = true
		v.sections[s] = c
		checks.Add(c)
	}
	v.flaggedOnly = widget.NewCheck("Only entries flagged for the session", func(bool) { v.refresh() })
	v.redact = widget.NewCheck("Hide people's names (show who they are instead: “[my manager]”)", v.onRedact)
	v.redact.Checked = v.redactRemembered()
	v.hiding = container.NewVBox()
	v.entries = container.NewVBox()
	labels := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		labels[i] = f.label
	}
	v.format = widget.NewSelect(labels, func(string) { v.matchExtension() })
	v.format.Selected = labels[0]
	v.path = &widget.Entry{}
	v.path.ExtendBaseWidget(v.path)
	v.save = widget.NewButtonWithIcon("Save the report", theme.DocumentSaveIcon(), v.onSave)
	v.save.Importance = widget.HighImportance
	v.status = wrapped("")
	v.preview = container.NewVBox()

	form := container.NewVBox(
		widget.NewLabelWithStyle("Days", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.period, v.custom,
		widget.NewLabelWithStyle("Parts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), checks, v.flaggedOnly, v.redact, v.hiding,
		widget.NewLabelWithStyle("Entries in these days (untick to leave one out)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.entries,
		widget.NewLabelWithStyle("Save as", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.format, v.path, v.save, v.status,
	)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(form)),
		container.NewBorder(widget.NewLabelWithStyle("Preview", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
			container.NewVScroll(container.NewPadded(v.preview))))
	split.Offset = 0.38
	v.content = split
	v.path.SetText(v.defaultPath(report.FormatPDF.Ext()))
	return v
}

// defaultPath is a file in the person's Documents folder (or home),
// named for today.
func (v *exportScreen) defaultPath(ext string) string {
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	dir := filepath.Join(home, "Documents")
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = home
	}
	return filepath.Join(dir, "throughline-session-"+v.now().Format("2006-01-02")+ext)
}

// matchExtension keeps the file name's extension in step with the format.
func (v *exportScreen) matchExtension() {
	ext := exportFormats[max(v.format.SelectedIndex(), 0)].format.Ext()
	p := v.path.Text
	for _, f := range exportFormats {
		p = strings.TrimSuffix(p, f.format.Ext())
	}
	v.path.SetText(p + ext)
}

// options reads the form.
func (v *exportScreen) options() (report.Options, error) {
	opt := report.Options{Now: v.now(), FlaggedOnly: v.flaggedOnly.Checked, RedactPeople: v.redact.Checked}
	for id, c := range v.included {
		if !c.Checked {
			opt.Exclude = append(opt.Exclude, id)
		}
	}
	slices.Sort(opt.Exclude)
	for _, s := range report.AllSections {
		if v.sections[s].Checked {
			opt.Sections = append(opt.Sections, s)
		}
	}
	if len(opt.Sections) == 0 {
		return opt, journal.Errorf(journal.EInvalid, "Tick at least one part to put in the report.")
	}
	switch v.period.Selected {
	case periodSinceSession:
		opt.SinceSession = true
	case periodCustom:
		if strings.TrimSpace(v.from.Text) == "" || strings.TrimSpace(v.to.Text) == "" {
			return opt, journal.Errorf(journal.EInvalid, "Type the first and last day, like 2026-10-01 and 2026-10-31.")
		}
		w, err := analysis.ParseDays(v.from.Text, v.to.Text, v.now())
		if err != nil {
			return opt, err
		}
		opt.Window = w
	default:
		opt.Window = periodWindow(v.period.Selected, v.now())
	}
	return opt, nil
}

// refresh builds the report again and shows it, off the UI goroutine.
func (v *exportScreen) refresh() {
	v.custom.Hidden = v.period.Selected != periodCustom
	v.custom.Refresh()
	opt, err := v.options()
	if err != nil {
		v.status.SetText(err.Error())
		return
	}
	v.background(func() func() {
		r, err := report.Build(v.store, opt)
		var listed []journal.Entry
		if err == nil {
			q := journal.EntryQuery{From: r.Window.From, Before: r.Window.To}
			listed, err = v.store.Entries(q)
		}
		return func() {
			if err != nil {
				v.status.SetText(err.Error())
				v.preview.RemoveAll()
				v.save.Disable()
				return
			}
			v.report, v.listed = r, listed
			v.showEntries()
			v.showHiding()
			v.preview.Objects = reportPreview(r)
			v.preview.Refresh()
			v.status.SetText("")
			v.save.Enable()
		}
	})
}

// showEntries lists the window's entries as ticks, keeping the person's
// choices across refreshes.
func (v *exportScreen) showEntries() {
	old := v.included
	v.included = map[int64]*widget.Check{}
	v.entries.RemoveAll()
	if len(v.listed) == 0 {
		v.entries.Add(note("No entries in these days."))
	}
	for _, e := range v.listed {
		c := widget.NewCheck(e.WrittenAt.Format("Mon 2 Jan")+" · "+e.DisplayTitle(), func(bool) { v.refresh() })
		c.Checked = true
		if prev, ok := old[e.ID]; ok {
			c.Checked = prev.Checked
		}
		v.included[e.ID] = c
		v.entries.Add(c)
	}
}

func (v *exportScreen) reload() { v.refresh() }

// settingRedact remembers whether names were last hidden, so a person who
// hides them once doesn't have to remember to each time.
const settingRedact = "report_redact_people"

func (v *exportScreen) redactRemembered() bool {
	on, _ := v.store.Setting(settingRedact)
	return on == "1"
}

func (v *exportScreen) onRedact(on bool) {
	value := ""
	if on {
		value = "1"
	}
	if err := v.store.SetSetting(settingRedact, value); err != nil {
		showProblem(v.win, "Couldn't remember the choice", err)
	}
	v.refresh()
}

// showHiding lists, before anything is saved, the names the report will
// hide and the words left in it that look like names, each with a way
// to hide it too.
func (v *exportScreen) showHiding() {
	v.hiding.RemoveAll()
	v.hideWord, v.addPerson = map[string]*widget.Button{}, map[string]*widget.Button{}
	r := v.report
	if !r.Redacted {
		return
	}
	if len(r.Hidden) == 0 {
		v.hiding.Add(note("No names from your people list appear in this report."))
	} else {
		parts := make([]string, len(r.Hidden))
		for i, h := range r.Hidden {
			parts[i] = h.Name + " → " + h.Label
		}
		v.hiding.Add(wrapped("Will be hidden: " + strings.Join(parts, ", ") + "."))
	}
	if len(r.NameLike) == 0 {
		return
	}
	v.hiding.Add(wrapped("These words look like names and will still show. Hide the ones that are:"))
	for _, word := range r.NameLike {
		hide := widget.NewButton("Hide “"+word+"”", func() { v.onHide(word, false) })
		add := widget.NewButton("Add to people", func() { v.onHide(word, true) })
		v.hideWord[word], v.addPerson[word] = hide, add
		v.hiding.Add(container.NewHBox(hide, add))
	}
}

// onHide remembers word as hidden in every report from now on, as a
// one-off word or as someone in the people list, then shows the report again.
func (v *exportScreen) onHide(word string, asPerson bool) {
	v.background(func() func() {
		var err error
		if asPerson {
			_, err = v.store.AddPerson(journal.Person{Name: word, Role: "other"})
		} else {
			err = v.store.HideWords(word)
		}
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't hide “"+word+"”", err)
				return
			}
			v.refresh()
		}
	})
}

// onSave writes the previewed report as the chosen format, safely: a
// failed write leaves any file already there as it was.
func (v *exportScreen) onSave() {
	path := strings.TrimSpace(v.path.Text)
	if path == "" {
		showProblem(v.win, "Where should it go?", journal.Errorf(journal.EInvalid, "Type the file to save the report in."))
		return
	}
	r, format := v.report, exportFormats[max(v.format.SelectedIndex(), 0)].format
	if format == report.FormatCSV && v.redact.Checked {
		showProblem(v.win, "Names can't be hidden in CSV", journal.Errorf(journal.EInvalid,
			"CSV holds your entries as they are, people's names included. To hide names, save as PDF, Markdown or HTML."))
		return
	}
	opt, _ := v.options() // its entries left out are read before anything it can refuse
	entries := opt.Chosen(v.listed)
	v.background(func() func() {
		write := r.Writer(format)
		switch format {
		case report.FormatCSV:
			write = func(w io.Writer) error { return transfer.WriteCSV(entries, w) }
		case report.FormatEntriesMarkdown:
			write = func(w io.Writer) error { _, err := report.WriteEntriesMarkdown(v.store, opt, w); return err }
		}
		err := transfer.WriteFileAtomic(path, write)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't save the report", err)
				return
			}
			v.status.SetText(fmt.Sprintf("Saved %s. Only you can read it (file mode 0600).", path))
		}
	})
}
