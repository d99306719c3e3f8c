/* gazetteer_places.c: towns, cities, prefectures and counties on both sides of the
 * Vietnam–China border and the two capitals of the border regions, under the names
 * reports use for them (English, Vietnamese, Chinese). Reference knowledge, not facts of
 * any article: it tells the extractor which side a place is on ("received a delegation
 * from Chongzuo"). Names that are also common places elsewhere in Vietnam (Phu Ninh, Kim
 * Binh, Giang Thanh) are left out. Each entry is one place: its names joined by "|", so a
 * crossing recorded under one of them ("Mong Cai") is known by the others ("芒街"). */
#include "bordercoop/gazetteer.h"

#include "extract_int.h"

#include <stddef.h>
#include <string.h>

static const char *const CN[] = {
    "Nanning|南宁|Nam Ninh",
    "Chongzuo|崇左|Sùng Tả",
    "Pingxiang|凭祥|Bằng Tường",
    "Baise|百色|Bách Sắc",
    "Dongxing|东兴|Đông Hưng",
    "Fangchenggang|防城港|Phòng Thành|Phòng Thành Cảng",
    "Beihai|北海|Bắc Hải",
    "Qinzhou|钦州|Khâm Châu",
    "Longzhou|龙州|Long Châu",
    "Ningming|宁明|Ninh Minh",
    "Daxin|大新",
    "Jingxi|靖西|Tĩnh Tây",
    "Napo|那坡",
    "Kunming|昆明|Côn Minh",
    "Honghe|红河州|châu Hồng Hà",
    "Hekou|河口|Hà Khẩu",
    "Mengzi|蒙自|Mông Tự",
    "Jinping|金平",
    "Lüchun|Luchun|绿春",
    "Wenshan|文山|Văn Sơn",
    "Malipo|麻栗坡|Ma Lật Pha",
    "Funing|富宁",
    "Maguan|马关",
    "Jiangcheng|江城",
    "Pu'er|Puer|普洱|Phổ Nhĩ",
    "Xishuangbanna|西双版纳",
    /* border gates and crossings */
    "Youyiguan|Youyi Guan|友谊关|Hữu Nghị Quan",
    "Puzhai|浦寨|Pò Chài",
    "Nongyao|弄尧|Lộng Nghiêu",
    "Aidian|爱店|Ái Điểm",
    "Shuikou|水口|Thủy Khẩu",
    "Longbang|龙邦|Long Bang",
    "Pingmeng|平孟|Bình Mãng",
    "Shuolong|硕龙|Thạc Long",
    "Yuexu|岳圩|Nhạc Vu",
    "Tianbao|天保|Thiên Bảo",
    "Dulong|都龙|Đô Long",
    "Beishan|北山",
    "Qiaotou|桥头|Kiều Đầu",
    "Jinshuihe|金水河|Kim Thủy Hà",
    "Basa|Ba Sai|坝洒|Bá Sái",
    "Longfu|龙富",
    "Dongzhong|峒中|Động Trung",
    "Lihuo|里火|Lý Hỏa",
    "Pinger|Ping'er|平而|Bình Nhi",
};

static const char *const VN[] = {
    "Mong Cai|Móng Cái|芒街",
    "Ha Long|Hạ Long|下龙",
    "Dong Dang|Đồng Đăng|同登",
    "Hanoi|Ha Noi|Hà Nội|Hanoï|河内",
    "Dien Bien Phu|Điện Biên Phủ|奠边府",
    "Muong Khuong|Mường Khương|孟康",
    "Bat Xat|Bát Xát",
    "Sa Pa|Sapa",
    "Binh Lieu|Bình Liêu",
    "Loc Binh|Lộc Bình",
    "Cao Loc|Cao Lộc",
    "Trang Dinh|Tràng Định",
    "Tra Linh|Trà Lĩnh|茶岭",
    "Dong Van|Đồng Văn",
    "Meo Vac|Mèo Vạc",
    "Vi Xuyen|Vị Xuyên",
    "Phong Tho|Phong Thổ",
    "Muong Te|Mường Tè",
    "Muong Nhe|Mường Nhé",
    "Hai Phong|Hải Phòng|海防",
    /* border gates and crossings */
    "Huu Nghi|Hữu Nghị|友谊",
    "Tan Thanh|Tân Thanh|新清",
    "Coc Nam|Cốc Nam|谷南",
    "Chi Ma|峙马",
    "Ta Lung|Tà Lùng",
    "Soc Giang|Sóc Giang|朔江",
    "Ly Van|Lý Vạn",
    "Po Peo|Pò Peo",
    "Thanh Thuy|Thanh Thủy|清水",
    "Xin Man|Xín Mần",
    "Kim Thanh|Kim Thành|金城",
    "Ma Lu Thang|Ma Lù Thàng",
    "Ban Vuoc|Bản Vược",
    "A Pa Chai|A Pa Chải",
    "Hoanh Mo|Hoành Mô|横模",
    "Bac Phong Sinh|Bắc Phong Sinh",
    "Na Hinh|Nà Hình",
    "Binh Nghi|Bình Nghi|平宜",
    "Lao Cai|Lào Cai|老街",
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
        rc = add_names(g, "CN", CN[i]);
    for (size_t i = 0; rc == 0 && i < sizeof VN / sizeof VN[0]; i++)
        rc = add_names(g, "VN", VN[i]);
    return rc;
}

const char *bcx_border_place(int cn, size_t i)
{
    if (cn)
        return i < sizeof CN / sizeof CN[0] ? CN[i] : NULL;
    return i < sizeof VN / sizeof VN[0] ? VN[i] : NULL;
}
