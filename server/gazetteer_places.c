/* gazetteer_places.c: towns, cities, prefectures and counties on both sides of the
 * Vietnam–China border and the two capitals of the border regions, under the names
 * reports use for them (English, Vietnamese, Chinese). Reference knowledge, not facts of
 * any article: it tells the extractor which side a place is on ("received a delegation
 * from Chongzuo"). Names that are also common places elsewhere in Vietnam (Phu Ninh, Kim
 * Binh, Giang Thanh) are left out. Each entry is one place: its names joined by "|", so a
 * crossing recorded under one of them ("Mong Cai") is known by the others ("芒街"). */
#include "bordercoop/alloc.h"
#include "bordercoop/gazetteer.h"
#include "bordercoop/text.h"

#include "extract_int.h"

#include <pthread.h>
#include <stddef.h>
#include <string.h>

/* Each place: the province it lies in ("" for none of the border provinces: Hanoi, Hai
 * Phong), its names, and 1 for a capital (of the country or of a border region): no
 * crossing is named after one, so "Hanoi – Nanning" is a train, a flight or a corridor
 * between capitals, not a pair of gates. */
typedef struct border_place {
    const char *province, *names;
    int capital;
} border_place;

static const border_place CN[] = {
    {"guangxi", "Nanning|南宁|Nam Ninh", 1},
    {"guangxi", "Chongzuo|崇左|Sùng Tả"},
    {"guangxi", "Pingxiang|凭祥|Bằng Tường"},
    {"guangxi", "Baise|百色|Bách Sắc"},
    {"guangxi", "Dongxing|东兴|Đông Hưng"},
    {"guangxi", "Fangchenggang|防城港|Phòng Thành|Phòng Thành Cảng"},
    {"guangxi", "Beihai|北海|Bắc Hải"},
    {"guangxi", "Qinzhou|钦州|Khâm Châu"},
    {"guangxi", "Longzhou|龙州|Long Châu"},
    {"guangxi", "Ningming|宁明|Ninh Minh"},
    {"guangxi", "Daxin|大新"},
    {"guangxi", "Jingxi|靖西|Tĩnh Tây"},
    {"guangxi", "Napo|那坡"},
    {"yunnan", "Kunming|昆明|Côn Minh", 1},
    {"yunnan", "Honghe|红河州|châu Hồng Hà"},
    {"yunnan", "Hekou|河口|Hà Khẩu"},
    {"yunnan", "Mengzi|蒙自|Mông Tự"},
    {"yunnan", "Jinping|金平"},
    {"yunnan", "Lüchun|Luchun|绿春"},
    {"yunnan", "Wenshan|文山|Văn Sơn"},
    {"yunnan", "Malipo|麻栗坡|Ma Lật Pha"},
    {"yunnan", "Funing|富宁"},
    {"yunnan", "Maguan|马关"},
    {"yunnan", "Jiangcheng|江城"},
    {"yunnan", "Pu'er|Puer|普洱|Phổ Nhĩ"},
    {"yunnan", "Xishuangbanna|西双版纳"},
    /* border gates and crossings */
    {"guangxi", "Youyiguan|Youyi Guan|友谊关|Hữu Nghị Quan"},
    {"guangxi", "Puzhai|浦寨|Pò Chài"},
    {"guangxi", "Nongyao|弄尧|Lộng Nghiêu"},
    {"guangxi", "Aidian|爱店|Ái Điểm"},
    {"guangxi", "Shuikou|水口|Thủy Khẩu"},
    {"guangxi", "Longbang|龙邦|Long Bang"},
    {"guangxi", "Pingmeng|平孟|Bình Mãng"},
    {"guangxi", "Shuolong|硕龙|Thạc Long"},
    {"guangxi", "Yuexu|岳圩|Nhạc Vu"},
    {"yunnan", "Tianbao|天保|Thiên Bảo"},
    {"yunnan", "Dulong|都龙|Đô Long"},
    {"yunnan", "Beishan|北山"},
    {"yunnan", "Qiaotou|桥头|Kiều Đầu"},
    {"yunnan", "Jinshuihe|金水河|Kim Thủy Hà"},
    {"yunnan", "Basa|Ba Sai|坝洒|Bá Sái"},
    {"yunnan", "Longfu|龙富"},
    {"guangxi", "Dongzhong|峒中|Động Trung"},
    {"guangxi", "Lihuo|里火|Lý Hỏa"},
    {"guangxi", "Pinger|Ping'er|平而|Bình Nhi"},
    {"guangxi", "Pingerguan|Ping'erguan|平而关|Bình Nhi Quan"}, /* the gate, as 友谊关 */
    {"guangxi", "Detian|德天|Đức Thiên"},                       /* the waterfall's Chinese side */
};

static const border_place VN[] = {
    {"quang-ninh", "Mong Cai|Móng Cái|芒街"},
    {"quang-ninh", "Ha Long|Hạ Long|下龙"},
    {"lang-son", "Dong Dang|Đồng Đăng|同登"},
    {"", "Hanoi|Ha Noi|Hà Nội|Hanoï|河内", 1},
    {"dien-bien", "Dien Bien Phu|Điện Biên Phủ|奠边府"},
    {"lao-cai", "Muong Khuong|Mường Khương|孟康"},
    {"lao-cai", "Bat Xat|Bát Xát|巴刹"},
    {"lao-cai", "Sa Pa|Sapa"},
    {"quang-ninh", "Binh Lieu|Bình Liêu"},
    {"lang-son", "Loc Binh|Lộc Bình"},
    {"lang-son", "Cao Loc|Cao Lộc"},
    {"lang-son", "Trang Dinh|Tràng Định"},
    {"cao-bang", "Tra Linh|Trà Lĩnh|茶岭"},
    {"cao-bang", "Dong Khe|Đông Khê"}, /* the Dong Khe - Tra Linh expressway is domestic */
    {"ha-giang", "Dong Van|Đồng Văn"},
    {"ha-giang", "Meo Vac|Mèo Vạc"},
    {"ha-giang", "Vi Xuyen|Vị Xuyên"},
    {"lai-chau", "Phong Tho|Phong Thổ"},
    {"lai-chau", "Muong Te|Mường Tè"},
    {"dien-bien", "Muong Nhe|Mường Nhé"},
    {"", "Hai Phong|Hải Phòng|海防"},
    /* border gates and crossings */
    {"lang-son", "Huu Nghi|Hữu Nghị|友谊"},
    {"lang-son", "Tan Thanh|Tân Thanh|新清"},
    {"lang-son", "Coc Nam|Cốc Nam|谷南"},
    {"lang-son", "Chi Ma|峙马"},
    {"cao-bang", "Ta Lung|Tà Lùng|驮隆"},
    {"cao-bang", "Soc Giang|Sóc Giang|朔江"},
    {"cao-bang", "Ly Van|Lý Vạn|里板"},
    {"cao-bang", "Po Peo|Pò Peo"},
    {"ha-giang", "Thanh Thuy|Thanh Thủy|清水"},
    {"ha-giang", "Xin Man|Xín Mần"},
    {"lao-cai", "Kim Thanh|Kim Thành|金城"},
    {"lai-chau", "Ma Lu Thang|Ma Lù Thàng|马鹿塘"},
    {"lao-cai", "Ban Vuoc|Bản Vược|巴越|板屋"},
    {"dien-bien", "A Pa Chai|A Pa Chải|阿巴寨"},
    {"quang-ninh", "Hoanh Mo|Hoành Mô|横模"},
    {"quang-ninh", "Bac Phong Sinh|Bắc Phong Sinh|北风生"},
    {"lang-son", "Na Hinh|Nà Hình"},
    {"lang-son", "Binh Nghi|Bình Nghi|平宜"},
    {"lao-cai", "Lao Cai|Lào Cai|老街"},
    {"cao-bang", "Ban Gioc|Bản Giốc|板约"}, /* the waterfall's Vietnamese side */
};

/* names of the two Chinese provinces in the languages the extractor reads that a store's
 * aliases may lack */
static const char *const EXONYMS[][2] = {
    {"guangxi", "Kuangsi"},   {"guangxi", "Kuang-si"}, {"guangxi", "Kouang-si"},
    {"guangxi", "Quang Tay"}, {"yunnan", "Junnan"},    {"yunnan", "Yun-nan"},
};

/* Each name of a place ("Mong Cai|Móng Cái|芒街"). */
static int add_names(bc_gazetteer *g, const char *country, const char *names)
{
    char one[128];
    int rc = 0;
    for (const char *at = names; rc == 0 && *at != '\0';) {
        size_t n = strcspn(at, "|");
        if (n < sizeof one) {
            memcpy(one, at, n);
            one[n] = '\0';
            rc = bc_gazetteer_add_place(g, country, one);
        }
        at += n + (at[n] == '|');
    }
    return rc;
}

int bc_gazetteer_add_border_places(bc_gazetteer *g)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof EXONYMS / sizeof EXONYMS[0]; i++)
        rc = bc_gazetteer_add_alias(g, "province", EXONYMS[i][0], EXONYMS[i][1]);
    for (size_t i = 0; rc == 0 && i < sizeof CN / sizeof CN[0]; i++)
        rc = add_names(g, "CN", CN[i].names);
    for (size_t i = 0; rc == 0 && i < sizeof VN / sizeof VN[0]; i++)
        rc = add_names(g, "VN", VN[i].names);
    return rc;
}

const char *bcx_border_place(int cn, size_t i)
{
    if (cn)
        return i < sizeof CN / sizeof CN[0] ? CN[i].names : NULL;
    return i < sizeof VN / sizeof VN[0] ? VN[i].names : NULL;
}

const char *bcx_border_place_province(int cn, size_t i)
{
    if (cn)
        return i < sizeof CN / sizeof CN[0] ? CN[i].province : NULL;
    return i < sizeof VN / sizeof VN[0] ? VN[i].province : NULL;
}

/* The side key (bcx_side_key) and the slug (bc_text_slug) of every name of every border
 * place, computed once, in the lists' order: a gate's side is then looked up by comparing
 * keys, not by computing every name's key again for each side (a long article names
 * thousands). Built under place_lock; a build that ran out of memory leaves the table
 * empty and is tried again next time. */
typedef struct place_key {
    char *side, *slug; /* owned by the table, never freed (static storage, once) */
    unsigned char cn;
    unsigned short i; /* the place in CN or VN */
} place_key;

static place_key *place_keys;
static size_t nplace_keys;
static int place_ready;
static pthread_mutex_t place_lock = PTHREAD_MUTEX_INITIALIZER;

/* A copy of buf's bytes as a string; NULL on ENOMEM or a failed buffer. */
static char *buf_str(const bc_buf *b)
{
    if (bc_buf_failed(b))
        return NULL;
    char *s = bc_malloc(b->len + 1);
    if (s != NULL) {
        if (b->len > 0)
            memcpy(s, b->data, b->len);
        s[b->len] = '\0';
    }
    return s;
}

static int place_keys_build(void)
{
    size_t n = 0;
    for (int cn = 0; cn < 2; cn++)
        for (size_t i = 0; bcx_border_place(cn, i) != NULL; i++)
            for (const char *at = bcx_border_place(cn, i); *at != '\0';) {
                size_t len = strcspn(at, "|");
                n++;
                at += len + (at[len] == '|');
            }
    place_key *t = bc_calloc(n + 1, sizeof *t);
    int rc = t == NULL ? BC_ENOMEM : 0;
    size_t k = 0;
    bc_buf b = BC_BUF_INIT;
    for (int cn = 0; cn < 2 && rc == 0; cn++)
        for (size_t i = 0; rc == 0 && bcx_border_place(cn, i) != NULL; i++)
            for (const char *at = bcx_border_place(cn, i); rc == 0 && *at != '\0';) {
                size_t len = strcspn(at, "|");
                bc_buf_reset(&b);
                bcx_side_key(at, len, &b);
                t[k].side = buf_str(&b);
                bc_buf_reset(&b);
                bc_text_slug(at, len, &b);
                t[k].slug = buf_str(&b);
                t[k].cn = (unsigned char)cn;
                t[k].i = (unsigned short)i;
                rc = t[k].side == NULL || t[k].slug == NULL ? BC_ENOMEM : 0;
                k++;
                at += len + (at[len] == '|');
            }
    bc_buf_free(&b);
    if (rc != 0) {
        for (size_t q = 0; t != NULL && q < k; q++) {
            bc_free(t[q].side);
            bc_free(t[q].slug);
        }
        bc_free(t);
        return rc;
    }
    place_keys = t;
    nplace_keys = k;
    return 0;
}

/* The first name (in the lists' order) of country cn (-1: Vietnam's, then China's) whose
 * side key (slug = 0) or slug (slug = 1) is the n bytes at key: its entry, or NULL. */
static const place_key *place_by_key(int cn, const char *key, size_t n, int slug)
{
    pthread_mutex_lock(&place_lock);
    if (!place_ready)
        place_ready = place_keys_build() == 0;
    int ready = place_ready;
    pthread_mutex_unlock(&place_lock);
    for (size_t q = 0; ready && n > 0 && q < nplace_keys; q++) {
        const place_key *p = &place_keys[q];
        const char *k = slug ? p->slug : p->side;
        if ((cn < 0 || p->cn == cn) && strlen(k) == n && memcmp(k, key, n) == 0)
            return p;
    }
    return NULL;
}

const char *bcx_border_place_by_slug(const char *slug, size_t n)
{
    const place_key *p = place_by_key(-1, slug, n, 1);
    return p != NULL ? bcx_border_place(p->cn, p->i) : NULL;
}

const char *bcx_place_province(const ctx *c, const hit *h, const char **name)
{
    int cn = strcmp(h->id, "CN") == 0;
    bc_buf key = BC_BUF_INIT;
    *name = NULL;
    bcx_side_key(c->s + c->t[h->t0].start, c->t[h->t1 - 1].end - c->t[h->t0].start, &key);
    const place_key *p = bc_buf_failed(&key) ? NULL : place_by_key(cn, key.data, key.len, 0);
    /* the name with an ending of its language ("w Kunmingu", "w Wenshanie"): the place the
     * name without it is, the alias having matched the name's beginning */
    const char *e = c->lang != NULL && c->lang->name_endings ? c->lang->name_endings : "";
    while (p == NULL && !bc_buf_failed(&key) && *e == '|' && e[1] != '\0') {
        size_t n = strcspn(e + 1, "|");
        if (n > 0 && key.len > n + 4 && memcmp(key.data + key.len - n, e + 1, n) == 0)
            p = place_by_key(cn, key.data, key.len - n, 0);
        e += n + 1;
    }
    bc_buf_free(&key);
    const char *found = p != NULL ? bcx_border_place_province(cn, p->i) : NULL;
    if (found == NULL || found[0] == '\0')
        return NULL;
    *name = bcx_border_place(cn, p->i);
    return found;
}

int bcx_border_place_capital(int cn, const char *side, size_t n)
{
    bc_buf key = BC_BUF_INIT;
    bcx_side_key(side, n, &key);
    const place_key *p = bc_buf_failed(&key) ? NULL : place_by_key(cn, key.data, key.len, 0);
    bc_buf_free(&key);
    return p != NULL && (cn ? CN[p->i].capital : VN[p->i].capital);
}

/* The spelling a project of g records for border place i of country cn (its Latin side, or
 * a part of it: "Ba Sai", "Ban Vuoc" of "Ban Vuoc, Bat Xat"), the first in g's order
 * (curated projects first): its bytes in *n; NULL when none records it. */
static const char *recorded_spelling(const bc_gazetteer *g, int cn, size_t i, size_t *n)
{
    bc_buf key = BC_BUF_INIT;
    const char *found = NULL;
    for (size_t k = 0; g != NULL && found == NULL && k < g->npr; k++) {
        const char *side = GZ(g, cn ? g->pr[k].cn : g->pr[k].vn);
        for (const char *at = side; found == NULL && *at != '\0';) {
            size_t len = strcspn(at, ",()"), a = 0, b = len;
            while (a < b && at[a] == ' ')
                a++;
            while (b > a && at[b - 1] == ' ')
                b--;
            int ascii = b > a;
            for (size_t q = a; q < b && ascii; q++)
                ascii = (unsigned char)at[q] < 0x80;
            bc_buf_reset(&key);
            if (ascii)
                bcx_side_key(at + a, b - a, &key);
            const place_key *p =
                ascii && !bc_buf_failed(&key) ? place_by_key(cn, key.data, key.len, 0) : NULL;
            if (p != NULL && p->i == i) {
                found = at + a;
                *n = b - a;
            }
            at += len + (at[len] != '\0');
        }
    }
    bc_buf_free(&key);
    return found;
}

void bcx_border_place_canonical(const bc_gazetteer *g, int cn, const char *side, char *out,
                                size_t cap)
{
    bc_buf key = BC_BUF_INIT, one = BC_BUF_INIT;
    out[0] = '\0';
    bcx_side_key(side, strlen(side), &key);
    const place_key *p = bc_buf_failed(&key) ? NULL : place_by_key(cn, key.data, key.len, 0);
    const char *found = p != NULL ? bcx_border_place(cn, p->i) : NULL;
    size_t len = found != NULL ? strcspn(found, "|") : 0;
    /* the spelling the store's projects give the place ("Ba Sai", not the list's first
     * "Basa"), so a new crossing is named as the known ones at the same place are */
    const char *stored = p != NULL ? recorded_spelling(g, cn, p->i, &len) : NULL;
    if (stored != NULL)
        found = stored;
    /* that name, unless the side is written so (spacing and diacritics aside) */
    if (found != NULL && len < cap) {
        bcx_side_key(found, len, &one);
        if (!bc_buf_failed(&one) &&
            !(one.len == key.len && memcmp(one.data, key.data, key.len) == 0)) {
            memcpy(out, found, len);
            out[len] = '\0';
        }
    }
    bc_buf_free(&key);
    bc_buf_free(&one);
}

/* The keys (bcx_side_key) of every reference name, each with its place or exonym,
 * computed once (bc_gazetteer_reference_names). */
#define REF_NAMES_MAX 320
#define REF_KEY_MAX   64

typedef struct ref_name {
    char key[REF_KEY_MAX];
    const char *names, *province; /* one of the two */
} ref_name;

static ref_name ref_names[REF_NAMES_MAX];
static size_t nref_names;
static int ref_ready;
static pthread_mutex_t ref_lock = PTHREAD_MUTEX_INITIALIZER;

/* Adds the key of name (len bytes) for names or province; 0 or BC_ENOMEM. */
static int ref_add(const char *name, size_t len, const char *names, const char *province)
{
    bc_buf key = BC_BUF_INIT;
    bcx_side_key(name, len, &key);
    int rc = bc_buf_failed(&key) ? BC_ENOMEM : 0;
    if (rc == 0 && key.len > 0 && key.len < REF_KEY_MAX && nref_names < REF_NAMES_MAX) {
        ref_name *r = &ref_names[nref_names++];
        memcpy(r->key, key.data, key.len + 1);
        r->names = names;
        r->province = province;
    }
    bc_buf_free(&key);
    return rc;
}

static int ref_build(void)
{
    int rc = 0;
    nref_names = 0;
    for (size_t i = 0; rc == 0 && i < sizeof EXONYMS / sizeof EXONYMS[0]; i++)
        rc = ref_add(EXONYMS[i][1], strlen(EXONYMS[i][1]), NULL, EXONYMS[i][0]);
    for (int cn = 0; cn < 2; cn++) {
        const border_place *list = cn ? CN : VN;
        size_t n = cn ? sizeof CN / sizeof CN[0] : sizeof VN / sizeof VN[0];
        for (size_t i = 0; rc == 0 && i < n; i++)
            for (const char *at = list[i].names; rc == 0 && *at != '\0';) {
                size_t len = strcspn(at, "|");
                rc = ref_add(at, len, list[i].names, NULL);
                at += len + (at[len] == '|');
            }
    }
    return rc;
}

int bc_gazetteer_reference_names(const char *name, size_t n, const char **names,
                                 const char **province)
{
    *names = NULL;
    *province = NULL;
    int rc = 0;
    pthread_mutex_lock(&ref_lock);
    if (!ref_ready) {
        rc = ref_build();
        ref_ready = rc == 0;
    }
    pthread_mutex_unlock(&ref_lock);
    if (rc != 0)
        return BC_ENOMEM;
    bc_buf key = BC_BUF_INIT;
    bcx_side_key(name, n, &key);
    if (bc_buf_failed(&key))
        rc = BC_ENOMEM;
    for (size_t i = 0; rc == 0 && key.len > 0 && i < nref_names; i++)
        if (strcmp(ref_names[i].key, key.data) == 0) {
            if (ref_names[i].names != NULL && *names == NULL)
                *names = ref_names[i].names;
            if (ref_names[i].province != NULL && *province == NULL)
                *province = ref_names[i].province;
        }
    bc_buf_free(&key);
    return rc;
}
