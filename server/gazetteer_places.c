/* gazetteer_places.c: towns, cities, prefectures and counties on both sides of the
 * Vietnam–China border and the two capitals of the border regions, under the names
 * reports use for them (English, Vietnamese, Chinese). Reference knowledge, not facts of
 * any article: it tells the extractor which side a place is on ("received a delegation
 * from Chongzuo"). Names that are also common places elsewhere in Vietnam (Phu Ninh, Kim
 * Binh, Giang Thanh) are left out. */
#include "bordercoop/gazetteer.h"

#include <stddef.h>

static const char *const CN[] = {
    "Nanning",
    "南宁",
    "Nam Ninh",
    "Chongzuo",
    "崇左",
    "Sùng Tả",
    "Pingxiang",
    "凭祥",
    "Bằng Tường",
    "Baise",
    "百色",
    "Bách Sắc",
    "Dongxing",
    "东兴",
    "Đông Hưng",
    "Fangchenggang",
    "防城港",
    "Phòng Thành",
    "Phòng Thành Cảng",
    "Beihai",
    "北海",
    "Bắc Hải",
    "Qinzhou",
    "钦州",
    "Khâm Châu",
    "Longzhou",
    "龙州",
    "Long Châu",
    "Ningming",
    "宁明",
    "Ninh Minh",
    "Daxin",
    "大新",
    "Jingxi",
    "靖西",
    "Tĩnh Tây",
    "Napo",
    "那坡",
    "Kunming",
    "昆明",
    "Côn Minh",
    "Honghe",
    "红河州",
    "Hekou",
    "河口",
    "Hà Khẩu",
    "Mengzi",
    "蒙自",
    "Mông Tự",
    "Jinping",
    "金平",
    "Lüchun",
    "Luchun",
    "绿春",
    "Wenshan",
    "文山",
    "Văn Sơn",
    "Malipo",
    "麻栗坡",
    "Ma Lật Pha",
    "Funing",
    "富宁",
    "Maguan",
    "马关",
    "Jiangcheng",
    "江城",
    "Pu'er",
    "Puer",
    "普洱",
    "Phổ Nhĩ",
    "Xishuangbanna",
    "西双版纳",
};

static const char *const VN[] = {
    "Mong Cai",     "Móng Cái",   "芒街",          "Ha Long",       "Hạ Long",   "下龙",
    "Dong Dang",    "Đồng Đăng",  "同登",          "Hanoi",         "Ha Noi",    "Hà Nội",
    "Hanoï",        "河内",       "Dien Bien Phu", "Điện Biên Phủ", "奠边府",    "Muong Khuong",
    "Mường Khương", "孟康",       "Bat Xat",       "Bát Xát",       "Sa Pa",     "Sapa",
    "Binh Lieu",    "Bình Liêu",  "Loc Binh",      "Lộc Bình",      "Cao Loc",   "Cao Lộc",
    "Trang Dinh",   "Tràng Định", "Tra Linh",      "Trà Lĩnh",      "茶岭",      "Dong Van",
    "Đồng Văn",     "Meo Vac",    "Mèo Vạc",       "Vi Xuyen",      "Vị Xuyên",  "Phong Tho",
    "Phong Thổ",    "Muong Te",   "Mường Tè",      "Muong Nhe",     "Mường Nhé", "Hai Phong",
    "Hải Phòng",    "海防",
};

int bc_gazetteer_add_border_places(bc_gazetteer *g)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof CN / sizeof CN[0]; i++)
        rc = bc_gazetteer_add_place(g, "CN", CN[i]);
    for (size_t i = 0; rc == 0 && i < sizeof VN / sizeof VN[0]; i++)
        rc = bc_gazetteer_add_place(g, "VN", VN[i]);
    return rc;
}
