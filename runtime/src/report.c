// SPDX-License-Identifier: GPL-2.0
/*
 * Findings: stack capture (frame pointers: module code and the runtime are
 * built with -fno-omit-frame-pointer, so a stack can be walked without
 * touching a freed module's unwind tables), symbolisation with libdw
 * (function, file, line and column from the DWARF of the module's shared
 * object, also after its memory is gone; the declaration of a data object
 * such as a file_operations variable), and the JSON report in the plugin's
 * per-translation-unit format (docs/report-format.md).
 */
#include "internal.h"

#include <dlfcn.h>
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <link.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

struct check_info { const char *id, *rule; };
#define MODSAFE_CHECK(Id, Class, Rule, Severity, HasFixit, Summary) {Id, Rule},
#define MODSAFE_PLANNED(Id, Rule, Severity, Summary) {Id, Rule},
static const struct check_info checks[] = {
#include "Checks.inc"
};

static const char *rule_of(const char *check)
{
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (!strcmp(checks[i].id, check))
			return checks[i].rule;
	return "modsafe";
}

/* ------------------------------------------------------------------------
 * Stacks
 */
static int fp_walk(uintptr_t fp, uintptr_t *pcs, int n, int max, uintptr_t lo, uintptr_t hi)
{
	while (n < max && fp >= lo && fp + 16 <= hi && !(fp & 7)) {
		uintptr_t next = ((uintptr_t *)fp)[0], ret = ((uintptr_t *)fp)[1];
		if (ret < 4096)
			break;
		pcs[n++] = ret;
		if (next <= fp)
			break;
		fp = next;
	}
	return n;
}

static void stack_bounds(uintptr_t *lo, uintptr_t *hi)
{
	if (!ms_t.stack_hi) {
		pthread_attr_t a;
		if (pthread_getattr_np(pthread_self(), &a) == 0) {
			void *l;
			size_t sz;
			if (pthread_attr_getstack(&a, &l, &sz) == 0) {
				ms_t.stack_lo = (uintptr_t)l;
				ms_t.stack_hi = (uintptr_t)l + sz;
			}
			pthread_attr_destroy(&a);
		}
	}
	*lo = ms_t.stack_lo;
	*hi = ms_t.stack_hi;
}

/* Return addresses of the callers of ms_capture's caller, innermost first. */
__attribute__((noinline)) int ms_capture(uintptr_t *pcs, int max)
{
	uintptr_t lo, hi;
	stack_bounds(&lo, &hi);
	uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
	if (!hi) {
		lo = fp - 4096;
		hi = fp + (8u << 20);
	}
	return fp_walk(fp, pcs, 0, max, lo, hi);
}

/* From a signal context (async-signal-safe): pc exact, then the callers. */
int ms_capture_from(uintptr_t pc, uintptr_t sp, uintptr_t fp, int at_entry, uintptr_t *pcs, int max);
int ms_capture_from(uintptr_t pc, uintptr_t sp, uintptr_t fp, int at_entry, uintptr_t *pcs, int max)
{
	int n = 0;
	uintptr_t lo = ms_t.stack_lo, hi = ms_t.stack_hi;
	if (!hi) {
		lo = sp - 64;
		hi = sp + (8u << 20);
	}
	pcs[n++] = pc;
	if (at_entry && sp >= lo && sp + 8 <= hi && n < max)
		pcs[n++] = *(uintptr_t *)sp;
	return fp_walk(fp, pcs, n, max, lo, hi);
}

/* ------------------------------------------------------------------------
 * Symbolisation
 */
static pthread_mutex_t sym_lock = PTHREAD_MUTEX_INITIALIZER;
static Dwfl *dwfl;
static int dwfl_gen = -1;
static char *debuginfo_path;
static const Dwfl_Callbacks dwfl_cbs = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

static int report_obj(struct dl_phdr_info *info, size_t size, void *data)
{
	Dwfl *d = data;
	const char *name = info->dlpi_name;
	char exe[4096];
	(void)size;
	if (!name || !name[0]) {
		ssize_t k = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (k <= 0)
			return 0;
		exe[k] = 0;
		name = exe;
	}
	if (name[0] != '/')
		return 0;
	dwfl_report_elf(d, name, name, -1, info->dlpi_addr, false);
	return 0;
}

static void ensure_dwfl(void)
{
	int gen = ms_mod_count();
	if (dwfl && gen == dwfl_gen)
		return;
	if (dwfl)
		dwfl_end(dwfl);
	dwfl = dwfl_begin(&dwfl_cbs);
	if (!dwfl)
		return;
	dwfl_report_begin(dwfl);
	dl_iterate_phdr(report_obj, dwfl);
	dwfl_report_end(dwfl, NULL, NULL);
	dwfl_gen = gen;
}

#ifndef MS_RT_INCLUDE_DIR
#define MS_RT_INCLUDE_DIR "/runtime/include/"
#endif
static int shim_header(const char *f)
{
	return f && (strstr(f, MS_RT_INCLUDE_DIR) || strstr(f, "/runtime/include/linux/"));
}

/* A location inside one of the shim's inline header functions is reported
 * where module code calls it (like clang's expansion locations). */
static int outer_call_site(Dwfl_Module *m, Dwarf_Addr a, char *file, size_t fl, int *line, int *col)
{
	Dwarf_Addr bias = 0;
	Dwarf_Die *cu = dwfl_module_addrdie(m, a, &bias);
	if (!cu)
		return 0;
	Dwarf_Die *scopes = NULL;
	int n = dwarf_getscopes(cu, a - bias, &scopes);
	Dwarf_Files *files = NULL;
	size_t nf = 0;
	int ok = 0;
	if (n > 0 && dwarf_getsrcfiles(cu, &files, &nf) == 0)
		for (int i = 0; i < n && !ok; i++) {
			if (dwarf_tag(&scopes[i]) != DW_TAG_inlined_subroutine)
				continue;
			Dwarf_Attribute at;
			Dwarf_Word fidx = 0, ln = 0, cl = 0;
			if (!dwarf_attr(&scopes[i], DW_AT_call_file, &at) || dwarf_formudata(&at, &fidx) != 0)
				continue;
			const char *f = dwarf_filesrc(files, fidx, NULL, NULL);
			if (dwarf_attr(&scopes[i], DW_AT_call_line, &at))
				dwarf_formudata(&at, &ln);
			if (dwarf_attr(&scopes[i], DW_AT_call_column, &at))
				dwarf_formudata(&at, &cl);
			if (f && ln && !shim_header(f)) {
				snprintf(file, fl, "%s", f);
				*line = (int)ln;
				*col = cl ? (int)cl : 1;
				ok = 1;
			}
		}
	free(scopes);
	return ok;
}

int ms_symbolize(uintptr_t pc, int is_ret, char *file, size_t fl, int *line, int *col, char *func, size_t fn)
{
	uintptr_t a = is_ret ? pc - 1 : pc;
	int ok = 0;
	if (file && fl)
		file[0] = 0;
	if (func && fn)
		func[0] = 0;
	*line = 0;
	*col = 0;
	pthread_mutex_lock(&sym_lock);
	ensure_dwfl();
	Dwfl_Module *m = dwfl ? dwfl_addrmodule(dwfl, a) : NULL;
	if (m) {
		const char *name = dwfl_module_addrname(m, a);
		if (name && func)
			snprintf(func, fn, "%s", name);
		Dwfl_Line *l = dwfl_module_getsrc(m, a);
		if (l) {
			int ln = 0, c = 0;
			const char *src = dwfl_lineinfo(l, NULL, &ln, &c, NULL, NULL);
			if (src && ln > 0) {
				if (file)
					snprintf(file, fl, "%s", src);
				*line = ln;
				*col = c > 0 ? c : 1;
				ok = 1;
				if (shim_header(src) && file)
					outer_call_site(m, a, file, fl, line, col);
			}
		}
	}
	pthread_mutex_unlock(&sym_lock);
	return ok;
}

/* Where a data object (a file_operations variable …) is defined. */
int ms_symbolize_data(uintptr_t addr, char *file, size_t fl, int *line, int *col, char *name, size_t nl);
int ms_symbolize_data(uintptr_t addr, char *file, size_t fl, int *line, int *col, char *name, size_t nl)
{
	int ok = 0;
	*line = *col = 0;
	if (name && nl)
		name[0] = 0;
	pthread_mutex_lock(&sym_lock);
	ensure_dwfl();
	Dwfl_Module *m = dwfl ? dwfl_addrmodule(dwfl, addr) : NULL;
	if (m) {
		const char *sn = dwfl_module_addrname(m, addr);
		if (sn && name)
			snprintf(name, nl, "%s", sn);
		Dwarf_Addr bias = 0;
		Dwarf *dw = dwfl_module_getdwarf(m, &bias);
		Dwarf_Off off = 0, next;
		size_t hsize;
		while (dw && !ok && dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
			Dwarf_Die cu, child;
			if (dwarf_offdie(dw, off + hsize, &cu) && dwarf_child(&cu, &child) == 0) {
				do {
					if (dwarf_tag(&child) != DW_TAG_variable)
						continue;
					Dwarf_Attribute at;
					Dwarf_Op *ops;
					size_t nops;
					if (!dwarf_attr(&child, DW_AT_location, &at))
						continue;
					if (dwarf_getlocation(&at, &ops, &nops) != 0 || nops != 1 || ops[0].atom != DW_OP_addr)
						continue;
					if (ops[0].number + bias != addr)
						continue;
					const char *f = dwarf_decl_file(&child);
					int ln = 0, c = 0;
					dwarf_decl_line(&child, &ln);
					dwarf_decl_column(&child, &c);
					Dwarf_Die spec;
					Dwarf_Attribute sa;
					if (ln <= 0 && dwarf_attr(&child, DW_AT_specification, &sa) && dwarf_formref_die(&sa, &spec)) {
						f = dwarf_decl_file(&spec);
						dwarf_decl_line(&spec, &ln);
						dwarf_decl_column(&spec, &c);
					}
					if (f && ln > 0) {
						snprintf(file, fl, "%s", f);
						*line = ln;
						*col = c > 0 ? c : 1;
						if (name && dwarf_diename(&child))
							snprintf(name, nl, "%s", dwarf_diename(&child));
						ok = 1;
						break;
					}
				} while (dwarf_siblingof(&child, &child) == 0);
			}
			off = next;
		}
	}
	pthread_mutex_unlock(&sym_lock);
	return ok;
}

void ms_describe_pc(uintptr_t pc, int is_ret, char *buf, size_t n)
{
	char file[512], func[256];
	int line, col;
	if (ms_symbolize(pc, is_ret, file, sizeof(file), &line, &col, func, sizeof(func)))
		snprintf(buf, n, "%s at %s:%d:%d", func[0] ? func : "??", file, line, col);
	else
		snprintf(buf, n, "%s (%#lx)", func[0] ? func : "??", (unsigned long)pc);
}

uintptr_t ms_first_module_frame(const uintptr_t *pcs, int n, int *is_ret, struct ms_mod **mod)
{
	for (int i = 0; i < n; i++) {
		struct ms_mod *r = ms_mod_by_text(pcs[i] - 1);
		if (r) {
			*is_ret = 1;
			if (mod)
				*mod = r;
			return pcs[i];
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Findings
 */
struct ms_loc { char *file; int line, col; };
struct ms_fnote { struct ms_loc loc; char *msg; };
#define MS_MAX_NOTES 40
struct ms_finding {
	const char *check;
	struct ms_mod *mod;
	struct ms_loc loc;
	char *msg;
	struct ms_fnote notes[MS_MAX_NOTES];
	int nnotes;
	uintptr_t k1, k2;
	unsigned count;
	struct ms_finding *next;
};

static pthread_mutex_t f_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ms_finding *f_head, **f_tail = &f_head;
static int f_quiet;
void ms_report_set_quiet(int q);
void ms_report_set_quiet(int q) { f_quiet = q; }

static void loc_of(uintptr_t pc, int is_ret, struct ms_loc *l, struct ms_loc *fallback)
{
	char file[512], func[256];
	int line, col;
	if (pc && ms_symbolize(pc, is_ret, file, sizeof(file), &line, &col, func, sizeof(func))) {
		l->file = ms_xstrdup(file);
		l->line = line;
		l->col = col;
	} else if (fallback && fallback->file) {
		l->file = ms_xstrdup(fallback->file);
		l->line = fallback->line;
		l->col = fallback->col;
	} else {
		l->file = NULL;
		l->line = l->col = 0;
	}
}

static char *vfmt(const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	return s;
}

struct ms_finding *ms_f_new(const char *check, struct ms_mod *mod, uintptr_t pc, int pc_is_ret, const char *fmt, ...)
{
	struct ms_finding *f = ms_xcalloc(1, sizeof(*f));
	f->check = check;
	f->mod = mod;
	va_list ap;
	va_start(ap, fmt);
	f->msg = vfmt(fmt, ap);
	va_end(ap);
	loc_of(pc, pc_is_ret, &f->loc, NULL);
	f->k1 = pc;
	f->count = 1;
	return f;
}

/* A finding whose primary location is a data object's definition. */
struct ms_finding *ms_f_new_data(const char *check, struct ms_mod *mod, uintptr_t addr, uintptr_t fallback_pc,
				 char *name_out, size_t nl, const char *fmt, ...);
struct ms_finding *ms_f_new_data(const char *check, struct ms_mod *mod, uintptr_t addr, uintptr_t fallback_pc,
				 char *name_out, size_t nl, const char *fmt, ...)
{
	struct ms_finding *f = ms_xcalloc(1, sizeof(*f));
	f->check = check;
	f->mod = mod;
	va_list ap;
	va_start(ap, fmt);
	f->msg = vfmt(fmt, ap);
	va_end(ap);
	char file[512];
	int line, col;
	if (ms_symbolize_data(addr, file, sizeof(file), &line, &col, name_out, nl)) {
		f->loc.file = ms_xstrdup(file);
		f->loc.line = line;
		f->loc.col = col;
	} else
		loc_of(fallback_pc, 1, &f->loc, NULL);
	f->k1 = addr;
	f->count = 1;
	return f;
}

void ms_f_note(struct ms_finding *f, uintptr_t pc, int is_ret, const char *fmt, ...)
{
	if (f->nnotes >= MS_MAX_NOTES)
		return;
	struct ms_fnote *n = &f->notes[f->nnotes++];
	va_list ap;
	va_start(ap, fmt);
	n->msg = vfmt(fmt, ap);
	va_end(ap);
	loc_of(pc, is_ret, &n->loc, &f->loc);
}

void ms_f_note_at(struct ms_finding *f, const char *file, int line, int col, const char *fmt, ...);
void ms_f_note_at(struct ms_finding *f, const char *file, int line, int col, const char *fmt, ...)
{
	if (f->nnotes >= MS_MAX_NOTES)
		return;
	struct ms_fnote *n = &f->notes[f->nnotes++];
	va_list ap;
	va_start(ap, fmt);
	n->msg = vfmt(fmt, ap);
	va_end(ap);
	n->loc.file = ms_xstrdup(file);
	n->loc.line = line;
	n->loc.col = col;
}

static uintptr_t self_base, exe_base;
static pthread_once_t bases_once = PTHREAD_ONCE_INIT;
static int ours(uintptr_t pc);
static void find_bases(void)
{
	Dl_info di;
	if (dladdr((void *)ours, &di))
		self_base = (uintptr_t)di.dli_fbase;
	struct link_map *lm = NULL;
	void *h = dlopen(NULL, RTLD_LAZY);
	if (h && dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 && lm)
		exe_base = (uintptr_t)lm->l_addr;
}

static int ours(uintptr_t pc)
{
	Dl_info di;
	pthread_once(&bases_once, find_bases);
	if (!dladdr((void *)pc, &di))
		return 0;
	return (uintptr_t)di.dli_fbase == self_base || (uintptr_t)di.dli_fbase == exe_base;
}

/* The stack as notes, innermost first: module frames, and the runtime's
 * (the primitive that was called, the executor that ran the callback);
 * the runtime's own reporting frames and other libraries are left out. */
void ms_f_stack(struct ms_finding *f, const uintptr_t *pcs, int n, int first_exact, const char *title)
{
	int shown = 0, first_mod = -1;
	for (int i = 0; i < n && first_mod < 0; i++)
		if (ms_mod_by_text(pcs[i] - ((i == 0 && first_exact) ? 0 : 1)))
			first_mod = i;
	for (int i = 0; i < n && shown < 16 && f->nnotes < MS_MAX_NOTES; i++) {
		int is_ret = !(i == 0 && first_exact);
		char file[512], func[256];
		int line, col;
		struct ms_mod *r = ms_mod_by_text(pcs[i] - (is_ret ? 1 : 0));
		if (!r) {
			if (first_mod > 0 && i < first_mod - 1)
				continue; /* the runtime's frames above the primitive */
			if (!ours(pcs[i]))
				continue;
		}
		if (!ms_symbolize(pcs[i], is_ret, file, sizeof(file), &line, &col, func, sizeof(func)))
			continue;
		if (!r && (!strcmp(func, "ms_guarded_call") || !strncmp(func, "run_", 4)))
			continue;
		struct ms_fnote *no = &f->notes[f->nnotes++];
		if (asprintf(&no->msg, "%s#%d %s (%s%s)%s%s", shown ? "" : "stack: ", shown, func[0] ? func : "??",
			     r ? "module " : "runtime", r ? r->name : "",
			     (!shown && title) ? ": " : "", (!shown && title) ? title : "") < 0)
			abort();
		no->loc.file = ms_xstrdup(file);
		no->loc.line = line;
		no->loc.col = col;
		shown++;
	}
}

void ms_f_key(struct ms_finding *f, uintptr_t k1, uintptr_t k2)
{
	f->k1 = k1;
	f->k2 = k2;
}

static void f_free(struct ms_finding *f)
{
	free(f->loc.file);
	free(f->msg);
	for (int i = 0; i < f->nnotes; i++) {
		free(f->notes[i].loc.file);
		free(f->notes[i].msg);
	}
	free(f);
}

static void print_finding(const struct ms_finding *f)
{
	if (f_quiet)
		return;
	flockfile(stderr);
	fprintf(stderr, "%s:%d:%d: warning: %s [modsafe-%s]\n", f->loc.file ? f->loc.file : "<unknown>", f->loc.line,
		f->loc.col, f->msg, f->check);
	for (int i = 0; i < f->nnotes; i++)
		fprintf(stderr, "%s:%d:%d: note: %s\n", f->notes[i].loc.file ? f->notes[i].loc.file : "<unknown>",
			f->notes[i].loc.line, f->notes[i].loc.col, f->notes[i].msg);
	funlockfile(stderr);
}

int ms_f_commit(struct ms_finding *f)
{
	if (!f->loc.file) {
		/* no module location: fall back to the first located note */
		for (int i = 0; i < f->nnotes; i++)
			if (f->notes[i].loc.file) {
				f->loc.file = ms_xstrdup(f->notes[i].loc.file);
				f->loc.line = f->notes[i].loc.line;
				f->loc.col = f->notes[i].loc.col;
				break;
			}
	}
	if (!f->loc.file) {
		f->loc.file = ms_xstrdup(f->mod && f->mod->main_file[0] ? f->mod->main_file : "<runtime>");
		f->loc.line = f->loc.col = 1;
	}
	for (int i = 0; i < f->nnotes; i++)
		if (!f->notes[i].loc.file) {
			f->notes[i].loc.file = ms_xstrdup(f->loc.file);
			f->notes[i].loc.line = f->loc.line;
			f->notes[i].loc.col = f->loc.col;
		}
	pthread_mutex_lock(&f_lock);
	for (struct ms_finding *g = f_head; g; g = g->next)
		if (!strcmp(g->check, f->check) && g->k1 == f->k1 && g->k2 == f->k2) {
			g->count++;
			pthread_mutex_unlock(&f_lock);
			f_free(f);
			return 0;
		}
	*f_tail = f;
	f_tail = &f->next;
	pthread_mutex_unlock(&f_lock);
	print_finding(f);
	return 1;
}

/* Add a note to an existing finding (matched by check and key). */
int ms_f_append(const char *check, uintptr_t k1, uintptr_t k2, uintptr_t pc, int is_ret, const char *msg);
int ms_f_append(const char *check, uintptr_t k1, uintptr_t k2, uintptr_t pc, int is_ret, const char *msg)
{
	int done = 0;
	struct ms_loc l;
	loc_of(pc, is_ret, &l, NULL);
	pthread_mutex_lock(&f_lock);
	for (struct ms_finding *g = f_head; g; g = g->next)
		if ((!check || !strcmp(g->check, check)) && g->k1 == k1 && g->k2 == k2) {
			if (g->nnotes < MS_MAX_NOTES) {
				struct ms_fnote *n = &g->notes[g->nnotes++];
				n->msg = ms_xstrdup(msg);
				n->loc.file = ms_xstrdup(l.file ? l.file : g->loc.file);
				n->loc.line = l.file ? l.line : g->loc.line;
				n->loc.col = l.file ? l.col : g->loc.col;
				if (!f_quiet)
					fprintf(stderr, "%s:%d:%d: note: %s\n", n->loc.file, n->loc.line, n->loc.col, n->msg);
			}
			done = 1;
			break;
		}
	pthread_mutex_unlock(&f_lock);
	free(l.file);
	return done;
}

int ms_rt_finding_count(const char *check)
{
	int n = 0;
	pthread_mutex_lock(&f_lock);
	for (struct ms_finding *g = f_head; g; g = g->next)
		if (!check || !strcmp(check, g->check))
			n++;
	pthread_mutex_unlock(&f_lock);
	return n;
}

void ms_rt_reset_findings(void)
{
	pthread_mutex_lock(&f_lock);
	struct ms_finding *g = f_head;
	f_head = NULL;
	f_tail = &f_head;
	pthread_mutex_unlock(&f_lock);
	while (g) {
		struct ms_finding *n = g->next;
		f_free(g);
		g = n;
	}
}

void ms_log(const char *fmt, ...)
{
	if (f_quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "modsafe-run: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
}

/* ------------------------------------------------------------------------
 * JSON reports
 */
static void jstr(FILE *o, const char *s)
{
	fputc('"', o);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", o); break;
		case '\\': fputs("\\\\", o); break;
		case '\n': fputs("\\n", o); break;
		case '\t': fputs("\\t", o); break;
		case '\r': fputs("\\r", o); break;
		default:
			if (*p < 0x20)
				fprintf(o, "\\u%04x", *p);
			else
				fputc(*p, o);
		}
	}
	fputc('"', o);
}

static unsigned long long fnv(const char *s, unsigned long long h)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

const char *ms_tool_version = "0.1.0";

static int write_one(const char *dir, struct ms_mod *r, int first)
{
	char tmp[4200], path[4096];
	const char *main_file = r->main_file[0] ? r->main_file : r->src_path;
	const char *base = strrchr(main_file, '/');
	base = base ? base + 1 : main_file;
	unsigned long long h = fnv("modsafe-run", fnv(r->src_path ? r->src_path : r->name, 0xcbf29ce484222325ull));
	snprintf(path, sizeof(path), "%s/%s.%016llx.modsafe.json", dir, base, h);
	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid());
	FILE *o = fopen(tmp, "w");
	if (!o)
		return -errno;
	fprintf(o, "{\n  \"format\": \"modsafe-report\",\n  \"version\": 1,\n");
	fprintf(o, "  \"tool\": {\"name\": \"modsafe\", \"version\": ");
	jstr(o, ms_tool_version);
	fprintf(o, ", \"clang\": \"none: modsafe-run runtime shim\"},\n  \"main_file\": ");
	jstr(o, main_file);
	fprintf(o, ",\n  \"working_directory\": ");
	jstr(o, r->workdir[0] ? r->workdir : "/");
	fprintf(o, ",\n  \"module\": true,\n  \"module_name\": ");
	jstr(o, r->name);
	fprintf(o, ",\n  \"findings\": [");
	int n = 0;
	pthread_mutex_lock(&f_lock);
	for (struct ms_finding *g = f_head; g; g = g->next) {
		int mine = g->mod && g->mod->src_path && !strcmp(g->mod->src_path, r->src_path);
		if (!mine && !(first && (!g->mod || !g->mod->src_path)))
			continue;
		fprintf(o, "%s\n    {\"check\": ", n++ ? "," : "");
		jstr(o, g->check);
		fprintf(o, ", \"rule\": ");
		jstr(o, rule_of(g->check));
		fprintf(o, ", \"severity\": \"warning\",\n     \"file\": ");
		jstr(o, g->loc.file);
		fprintf(o, ", \"line\": %d, \"column\": %d,\n     \"message\": ", g->loc.line > 0 ? g->loc.line : 1,
			g->loc.col > 0 ? g->loc.col : 1);
		jstr(o, g->msg);
		fprintf(o, ",\n     \"notes\": [");
		for (int i = 0; i < g->nnotes; i++) {
			fprintf(o, "%s\n       {\"file\": ", i ? "," : "");
			jstr(o, g->notes[i].loc.file);
			fprintf(o, ", \"line\": %d, \"column\": %d, \"message\": ",
				g->notes[i].loc.line > 0 ? g->notes[i].loc.line : 1,
				g->notes[i].loc.col > 0 ? g->notes[i].loc.col : 1);
			jstr(o, g->notes[i].msg);
			fputc('}', o);
		}
		fprintf(o, "%s],\n     \"fixits\": []}", g->nnotes ? "\n     " : "");
	}
	pthread_mutex_unlock(&f_lock);
	fprintf(o, "%s]\n}\n", n ? "\n  " : "");
	if (fclose(o) != 0)
		return -EIO;
	if (rename(tmp, path) != 0)
		return -errno;
	return 0;
}

int ms_rt_write_reports(const char *dir)
{
	mkdir(dir, 0777);
	int first = 1, err = 0;
	for (int i = 0; i < ms_mod_count(); i++) {
		struct ms_mod *r = ms_mod_at(i);
		if (!r->src_path)
			continue; /* static test modules */
		int dup = 0;
		for (int j = i + 1; j < ms_mod_count(); j++)
			if (ms_mod_at(j)->src_path && !strcmp(ms_mod_at(j)->src_path, r->src_path))
				dup = 1;
		if (dup)
			continue; /* one report per module: the last load writes it */
		int e = write_one(dir, r, first);
		if (e)
			err = e;
		first = 0;
	}
	return err;
}
