package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

// acrossTop is how many of a person's patterns are looked for with
// everyone else: the ones that come up most are the ones worth tracing.
const acrossTop = 5

const peopleIntro = "Add the people who come up in your reflections — a partner, a parent, a boss — by name or initials, " +
	"or name them in an entry's relationship episode and they'll appear here. " +
	"Each person's page gathers the episodes and patterns that involve them, " +
	"so you can see when the same theme shows up across different relationships."

// peopleStore is what the People screen needs from the journal.
type peopleStore interface {
	People() ([]journal.Person, error)
	AddPerson(journal.Person) (journal.Person, error)
	UpdatePerson(journal.Person) (journal.Person, error)
	EpisodesWith(personID int64) ([]journal.PersonEpisode, error)
	Taggings(from, before time.Time) ([]journal.Tagging, error)
	Episodes() ([]journal.PersonEpisode, error)
}

var _ peopleStore = (*jstore.Store)(nil)

// peopleScreen lists the people in the journal and, for the one chosen,
// the patterns and episodes that involve them and who else the same
// patterns come up with.
type peopleScreen struct {
	*env
	win       fyne.Window
	store     peopleStore
	openEntry func(id int64) // show an entry in the journal

	people      []journal.Person
	byPerson    map[string]analysis.PersonPatterns // by journal.NameKey of the name
	allEpisodes []journal.PersonEpisode            // everyone's, for the CCRT
	selected    int64                              // the person shown, 0 for none
	ignore      bool                               // selecting in code, not by the person

	list      *widget.List
	add       *widget.Button
	listArea  *fyne.Container // the list, or a note that there is no one yet
	emptyList fyne.CanvasObject

	right       *fyne.Container // the person's page, or hint
	hint        *widget.Label
	page        fyne.CanvasObject
	name        *widget.Label
	role        *widget.Label
	edit        *widget.Button
	patternsFor *widget.Label
	patterns    *fyne.Container
	across      *fyne.Container
	episodesFor *widget.Label
	episodes    *fyne.Container
	openButtons []*widget.Button // one per episode shown, in order
	everyone    *ccrtPanel       // the CCRT across everyone, beside the hint
	ccrt        *ccrtPanel       // the CCRT with the person shown
	ccrtArea    *fyne.Container

	// The add dialog's fields while it is open, for tests.
	addName *widget.Entry
	addRole *widget.Select
	aliases *widget.Entry // the dialog's other names, hidden with the name in reports

	content fyne.CanvasObject
}

func newPeopleScreen(e *env, win fyne.Window, store peopleStore) *peopleScreen {
	v := &peopleScreen{win: win, store: store, env: e, openEntry: func(int64) {}}
	v.list = widget.NewList(func() int { return len(v.people) }, newPersonRow, v.updateRow)
	v.list.OnSelected = v.onSelected
	v.add = widget.NewButtonWithIcon("Add a person", theme.ContentAddIcon(), v.onAdd)
	none := widget.NewLabel("No one here yet.")
	none.Importance = widget.LowImportance
	v.emptyList = container.NewCenter(none)
	v.listArea = container.NewStack(v.list)
	left := container.NewBorder(v.add, nil, nil, nil, v.listArea)

	v.hint = wrapped("")
	v.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.name.SizeName = theme.SizeNameSubHeadingText
	v.role = widget.NewLabel("")
	v.role.Importance = widget.LowImportance
	v.patternsFor = heading("")
	v.patterns, v.across, v.episodes = container.NewVBox(), container.NewVBox(), container.NewVBox()
	v.episodesFor = heading("")
	v.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), v.onEdit)
	v.everyone = newCCRTPanel(e.now, "")
	v.ccrtArea = container.NewStack()
	v.page = container.NewVScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(v.edit), v.name), v.role,
		v.ccrtArea,
		v.patternsFor, v.patterns,
		heading("Across your relationships"),
		note("When the same pattern comes up with different people, it may be a theme you carry into relationships, not something about one person."),
		v.across,
		v.episodesFor, v.episodes,
	)))
	v.right = container.NewStack(container.NewPadded(v.hint))
	split := container.NewHSplit(left, v.right)
	split.Offset = 0.3
	v.content = split
	return v
}

// newPersonRow is a list row: the name, and the role beside it.
func newPersonRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	role := widget.NewLabel("")
	role.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, role, name)
}

func (v *peopleScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(v.people) {
		return
	}
	row := o.(*fyne.Container)
	p := v.people[id]
	row.Objects[0].(*widget.Label).SetText(p.Name)
	row.Objects[1].(*widget.Label).SetText(string(p.Role))
	row.Refresh() // lay out again for the role's new width
}

// reload reads the people and every entry's tagging again, off the UI
// goroutine, then redraws the list and the person shown.
func (v *peopleScreen) reload() {
	v.background(func() func() {
		people, err := v.store.People()
		taggings, terr := v.store.Taggings(time.Time{}, time.Time{})
		episodes, eerr := v.store.Episodes()
		byPerson := map[string]analysis.PersonPatterns{}
		for _, pp := range analysis.ByPerson(taggings) {
			byPerson[journal.NameKey(pp.Person)] = pp
		}
		return func() {
			if err = errors.Join(err, terr, eerr); err != nil {
				v.showHint(err.Error())
				return
			}
			v.people, v.byPerson, v.allEpisodes = people, byPerson, episodes
			v.everyone.show(episodes)
			if len(people) == 0 {
				v.listArea.Objects = []fyne.CanvasObject{v.emptyList}
			} else {
				v.listArea.Objects = []fyne.CanvasObject{v.list}
			}
			v.listArea.Refresh()
			v.list.Refresh()
			v.reselect()
		}
	})
}

// reselect shows the person chosen before the reload, if they are
// still there.
func (v *peopleScreen) reselect() {
	i := slices.IndexFunc(v.people, func(p journal.Person) bool { return p.ID == v.selected })
	if i < 0 {
		v.selected = 0
		v.ignore = true
		v.list.UnselectAll()
		v.ignore = false
		if len(v.people) == 0 {
			v.showHint(peopleIntro)
		} else {
			v.showOverview("Choose someone on the left to see the episodes and patterns that involve them.")
		}
		return
	}
	v.ignore = true
	v.list.Select(i)
	v.ignore = false
	v.loadPerson()
}

func (v *peopleScreen) showHint(text string) {
	v.hint.SetText(text)
	v.right.Objects = []fyne.CanvasObject{container.NewPadded(v.hint)}
	v.right.Refresh()
}

// showOverview is the hint with the CCRT across everyone beneath it.
func (v *peopleScreen) showOverview(text string) {
	v.hint.SetText(text)
	v.right.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(container.NewVBox(v.hint, v.everyone.content)))}
	v.right.Refresh()
}

func (v *peopleScreen) onSelected(id widget.ListItemID) {
	if v.ignore || id >= len(v.people) {
		return
	}
	v.selected = v.people[id].ID
	v.loadPerson()
}

// loadPerson reads the chosen person's episodes off the UI goroutine,
// then shows their page, unless someone else was chosen meanwhile.
func (v *peopleScreen) loadPerson() {
	id := v.selected
	v.background(func() func() {
		episodes, err := v.store.EpisodesWith(id)
		return func() {
			if v.selected != id {
				return
			}
			if err != nil {
				v.showHint(err.Error())
				return
			}
			i := slices.IndexFunc(v.people, func(p journal.Person) bool { return p.ID == id })
			if i < 0 {
				return
			}
			v.showPerson(v.people[i], episodes)
		}
	})
}

// showPerson fills the person's page.
func (v *peopleScreen) showPerson(p journal.Person, episodes []journal.PersonEpisode) {
	v.name.SetText(p.Name)
	role := roleWords(p.Role)
	if len(p.Aliases) > 0 {
		role += " · also " + strings.Join(p.Aliases, ", ")
	}
	v.role.SetText(role)
	v.ccrt = newCCRTPanel(v.now, p.Name)
	v.ccrt.show(v.allEpisodes)
	v.ccrtArea.Objects = []fyne.CanvasObject{v.ccrt.content}
	v.ccrtArea.Refresh()
	v.patternsFor.SetText("Patterns with " + p.Name)
	mine := v.byPerson[journal.NameKey(p.Name)]
	v.showPatterns(p, mine)
	v.showAcross(p, mine)
	v.episodesFor.SetText("Episodes with " + p.Name)
	v.showEpisodes(p, episodes)
	v.right.Objects = []fyne.CanvasObject{v.page}
	v.right.Refresh()
}

func (v *peopleScreen) showPatterns(p journal.Person, mine analysis.PersonPatterns) {
	v.patterns.RemoveAll()
	switch {
	case mine.Entries == 0:
		v.patterns.Add(note(fmt.Sprintf("No entry has a relationship episode with %s yet. Add one in the editor, under Relationship episodes.", p.Name)))
	case len(mine.Patterns) == 0:
		v.patterns.Add(note(fmt.Sprintf("%s with %s, but none names a pattern yet. Name patterns in an entry or its episodes to see them here.",
			plural(mine.Entries, "entry", "entries"), p.Name)))
	}
	for _, f := range mine.Patterns {
		v.patterns.Add(wrapped(fmt.Sprintf("%s — %d of %s", f.Name, f.Entries, plural(mine.Entries, "entry", "entries"))))
	}
}

// showAcross lists, for each of the person's top patterns, the other
// people the same pattern comes up with.
func (v *peopleScreen) showAcross(p journal.Person, mine analysis.PersonPatterns) {
	v.across.RemoveAll()
	if len(mine.Patterns) == 0 {
		v.across.Add(note("Once patterns are named in episodes with " + p.Name + ", you'll see here who else they come up with."))
		return
	}
	roles := map[string]journal.Role{}
	for _, q := range v.people {
		roles[journal.NameKey(q.Name)] = q.Role
	}
	self := journal.NameKey(p.Name)
	shown := 0
	for _, f := range mine.Patterns[:min(acrossTop, len(mine.Patterns))] {
		var others []string
		for _, pp := range v.othersWith(f.Name, self) {
			who := pp.Person
			if r := roles[journal.NameKey(pp.Person)]; r != "" {
				who += " (" + string(r) + ")"
			}
			n := slices.IndexFunc(pp.Patterns, func(g analysis.Frequency) bool { return g.Name == f.Name })
			others = append(others, fmt.Sprintf("%s in %d of %s", who, pp.Patterns[n].Entries, plural(pp.Entries, "entry", "entries")))
		}
		if len(others) == 0 {
			continue
		}
		shown++
		v.across.Add(wrapped(f.Name + ": also with " + strings.Join(others, "; ")))
	}
	if shown == 0 {
		v.across.Add(note("None of these has come up with anyone else yet."))
	}
}

// othersWith lists everyone but self whose entries name pattern, those
// with it in the most entries first, then by name.
func (v *peopleScreen) othersWith(pattern, self string) []analysis.PersonPatterns {
	type with struct {
		pp analysis.PersonPatterns
		n  int
	}
	var found []with
	for key, pp := range v.byPerson {
		if key == self {
			continue
		}
		if i := slices.IndexFunc(pp.Patterns, func(g analysis.Frequency) bool { return g.Name == pattern }); i >= 0 {
			found = append(found, with{pp, pp.Patterns[i].Entries})
		}
	}
	slices.SortFunc(found, func(a, b with) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.pp.Person, b.pp.Person)
	})
	out := make([]analysis.PersonPatterns, len(found))
	for i, w := range found {
		out[i] = w.pp
	}
	return out
}

// showEpisodes shows each episode as a card, newest first as the store
// gives them, headed by its entry, which opens in the journal.
func (v *peopleScreen) showEpisodes(p journal.Person, episodes []journal.PersonEpisode) {
	v.episodes.RemoveAll()
	v.openButtons = v.openButtons[:0]
	if len(episodes) == 0 {
		v.episodes.Add(note(fmt.Sprintf("No relationship episodes with %s yet. In an entry, add an episode: what you wanted from them, how they responded, and how you responded.", p.Name)))
		return
	}
	for _, ep := range episodes {
		id := ep.EntryID
		open := widget.NewButtonWithIcon(ep.WrittenAt.Format("Mon 2 Jan 2006")+" · "+ep.EntryTitle, theme.DocumentIcon(), func() { v.openEntry(id) })
		open.Alignment = widget.ButtonAlignLeading
		open.Importance = widget.LowImportance
		v.openButtons = append(v.openButtons, open)
		card := container.NewVBox(open)
		if ep.Earlier {
			card.Add(widget.NewLabelWithStyle("Remembered in an episode with "+ep.Person, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		}
		for _, line := range episodeLines(ep.Episode) {
			card.Add(labelled(line.label, line.text))
		}
		v.episodes.Add(widget.NewCard("", "", card))
	}
}

// episodeLine is one filled-in part of an episode.
type episodeLine struct{ label, text string }

// episodeLines are the parts of an episode that were filled in, in the
// order they are asked for.
func episodeLines(ep journal.Episode) []episodeLine {
	var lines []episodeLine
	add := func(label, text string) {
		if text = strings.TrimSpace(text); text != "" {
			lines = append(lines, episodeLine{label, text})
		}
	}
	add("I wanted", ep.Describe(journal.WishComponent))
	add("They", ep.Describe(journal.OtherComponent))
	add("I", ep.Describe(journal.SelfComponent))
	reminds := strings.TrimSpace(ep.Reminds)
	switch {
	case reminds != "" && ep.EarlierPerson != "":
		add("It reminded me of", reminds+" ("+ep.EarlierPerson+")")
	case reminds != "":
		add("It reminded me of", reminds)
	default:
		add("It reminded me of", ep.EarlierPerson)
	}
	add("Patterns", strings.Join(ep.Patterns, ", "))
	add("Emotions", strings.Join(ep.Emotions, ", "))
	return lines
}

// roleWords says who someone is to the writer.
func roleWords(r journal.Role) string {
	if r == "" || r == "other" {
		return "Someone in your life"
	}
	return "Your " + string(r)
}

// onAdd asks for a new person's name and role.
func (v *peopleScreen) onAdd() {
	v.personDialog("Add a person", "Add", journal.Person{Role: "other"}, v.addPerson)
}

// onEdit renames the person shown or changes their role.
func (v *peopleScreen) onEdit() {
	for _, p := range v.people {
		if p.ID == v.selected {
			v.personDialog("Change "+p.Name, "Save", p, v.updatePerson)
		}
	}
}

// personDialog asks for a name and a role. The name field has the focus,
// and Return in it does what the main button does.
func (v *peopleScreen) personDialog(title, action string, p journal.Person, done func(journal.Person)) {
	roles := make([]string, len(journal.Roles))
	for i, r := range journal.Roles {
		roles[i] = string(r)
	}
	name := &widget.Entry{PlaceHolder: "a name or initials, like Sam or J."}
	name.ExtendBaseWidget(name)
	name.SetText(p.Name)
	role := widget.NewSelect(roles, nil)
	role.Selected = string(p.Role)
	aliases := &widget.Entry{PlaceHolder: "other names, like Jo, Joanna"}
	aliases.ExtendBaseWidget(aliases)
	aliases.SetText(strings.Join(p.Aliases, ", "))
	v.addName, v.addRole, v.aliases = name, role, aliases
	submit := func() {
		done(journal.Person{ID: p.ID, Name: name.Text, Role: journal.Role(role.Selected), Aliases: journal.ParseAliases(aliases.Text)})
	}
	name.OnSubmitted = func(string) {
		// The dialog is the top overlay; hiding it is what its buttons do.
		if top := v.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		submit()
	}
	aliases.OnSubmitted = name.OnSubmitted
	form := widget.NewForm(widget.NewFormItem("Name", name), widget.NewFormItem("Who they are to you", role),
		widget.NewFormItem("Also called", aliases))
	intro := message("A name or initials is enough. Other names they go by are hidden with their name in reports.")
	showChoices(v.win, title, container.NewBorder(intro, nil, nil, nil, form), fyne.NewSize(480, 320),
		dialogChoice{label: "Cancel", icon: theme.CancelIcon(), cancel: true},
		dialogChoice{label: action, icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: submit, focused: true},
	)
	v.win.Canvas().Focus(name)
}

// updatePerson saves a changed person, or says why it couldn't.
func (v *peopleScreen) updatePerson(p journal.Person) {
	v.background(func() func() {
		_, err := v.store.UpdatePerson(p)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't change this person", err)
				return
			}
			v.reload()
		}
	})
}

// addPerson saves a new person and shows them, or says why it couldn't;
// a refused name changes nothing.
func (v *peopleScreen) addPerson(p journal.Person) {
	v.background(func() func() {
		added, err := v.store.AddPerson(p)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't add this person", err)
				return
			}
			v.selected = added.ID
			v.reload()
			v.win.Canvas().Focus(v.list)
		}
	})
}
