/**
 * National template for the village handbook ("sổ tay xã số" / "คู่มือชุมชนดิจิทัล").
 *
 * Organised around the three pillars of a smart rural commune: digital government,
 * digital economy and digital society. Every commune's handbook starts as a copy of this
 * template (app/handbook/template.server.ts); commune officials then adapt it to local
 * procedures, contacts and languages.
 *
 * Writing rules: plain words, short sentences, second person; concrete steps; no invented
 * statistics, phone numbers, fees or processing times. Where a procedure differs between
 * localities the text sends the reader to the commune's one-stop office (bộ phận một cửa)
 * and the community digital-technology team (tổ công nghệ số cộng đồng).
 *
 * External links used (only these): https://dichvucong.gov.vn, https://vneid.gov.vn,
 * https://canhbao.khonggianmang.vn, the VNeID app on Google Play (package com.vnid) and on the
 * App Store.
 *
 * Thai (th) is given for articles that apply to Thai readers too; Vietnam-only procedures
 * (VNeID, dichvucong.gov.vn, VietQR bill payment, Zalo) are in Vietnamese and English only.
 * Bodies are CommonMark (headings from ##), no HTML.
 */

export type Text = { vi: string; en: string; th?: string };
export type Pillar = 'government' | 'economy' | 'society';
export type TemplateChapter = { key: string; pillar: Pillar; title: Text; summary: Text };
export type TemplateStep = { title: Text; detail?: Text; link?: { url: string; label: Text } };
export type TemplateChecklist = { title: Text; steps: TemplateStep[] };
export type TemplateArticle = {
  key: string; // kebab-case, stable, e.g. 'activate-vneid-level-2'
  chapterKey: string;
  title: Text;
  summary: Text; // one or two sentences
  body: Text; // Markdown (headings from ##, lists, **bold**, links); 250–600 words in vi and en
  checklist?: TemplateChecklist;
};

const PORTAL = 'https://dichvucong.gov.vn';
const VNEID_GOOGLE_PLAY = 'https://play.google.com/store/apps/details?id=com.vnid';
const VNEID_APP_STORE = 'https://apps.apple.com/vn/app/vneid/id1582750372';

export const templateChapters: TemplateChapter[] = [
  {
    key: 'digital-id',
    pillar: 'government',
    title: {
      vi: 'Định danh điện tử',
      en: 'Digital ID',
      th: 'ตัวตนดิจิทัล',
    },
    summary: {
      vi: 'Tài khoản định danh điện tử VNeID: cách kích hoạt, mức 1 và mức 2, và các giấy tờ bạn có thể mang theo trên điện thoại.',
      en: 'Your VNeID digital identity: how to activate it, levels 1 and 2, and the documents you can carry on your phone.',
      th: 'ตัวตนดิจิทัลของคุณ: วิธีเปิดใช้งาน และเอกสารที่พกไว้ในโทรศัพท์ได้',
    },
  },
  {
    key: 'public-services',
    pillar: 'government',
    title: {
      vi: 'Dịch vụ công trực tuyến',
      en: 'Public services online',
      th: 'บริการภาครัฐออนไลน์',
    },
    summary: {
      vi: 'Nộp hồ sơ, nộp phí và theo dõi kết quả thủ tục hành chính trên Cổng Dịch vụ công quốc gia mà không phải đi lại nhiều lần.',
      en: 'Apply, pay the fee and follow your application on the National Public Service Portal without travelling back and forth.',
      th: 'ยื่นคำขอ ชำระค่าธรรมเนียม และติดตามผลงานราชการทางออนไลน์ โดยไม่ต้องเดินทางหลายรอบ',
    },
  },
  {
    key: 'cashless',
    pillar: 'economy',
    title: {
      vi: 'Thanh toán không dùng tiền mặt',
      en: 'Paying without cash',
      th: 'จ่ายเงินโดยไม่ใช้เงินสด',
    },
    summary: {
      vi: 'Trả tiền bằng mã QR, trả hóa đơn điện, nước trong ứng dụng ngân hàng, và giữ tiền của bạn an toàn.',
      en: 'Pay by QR code, pay electricity and water bills in your bank app, and keep your money safe.',
      th: 'จ่ายเงินด้วยคิวอาร์โค้ด ชำระบิลในแอปธนาคาร และดูแลเงินของคุณให้ปลอดภัย',
    },
  },
  {
    key: 'selling-online',
    pillar: 'economy',
    title: {
      vi: 'Bán hàng trực tuyến',
      en: 'Selling online',
      th: 'ขายของออนไลน์',
    },
    summary: {
      vi: 'Đưa nông sản, đặc sản và hàng thủ công của thôn bản đến người mua ở xa qua chợ Baan của xã.',
      en: "Bring your village's farm produce, specialities and crafts to faraway buyers through your commune's Baan marketplace.",
      th: 'นำผลผลิตทางการเกษตร ของดี และงานหัตถกรรมของหมู่บ้านไปถึงผู้ซื้อที่อยู่ไกลผ่านตลาด Baan ของตำบล',
    },
  },
  {
    key: 'online-safety',
    pillar: 'society',
    title: {
      vi: 'An toàn trên mạng',
      en: 'Staying safe online',
      th: 'ปลอดภัยในโลกออนไลน์',
    },
    summary: {
      vi: 'Nhận biết lừa đảo, bảo vệ dữ liệu cá nhân, đặt mật khẩu mạnh và kiểm tra tin tức trước khi chia sẻ.',
      en: 'Recognise scams, protect your personal data, use strong passwords and check news before you share it.',
      th: 'รู้ทันมิจฉาชีพ ปกป้องข้อมูลส่วนบุคคล ตั้งรหัสผ่านที่ปลอดภัย และตรวจสอบข่าวก่อนแชร์',
    },
  },
  {
    key: 'digital-skills',
    pillar: 'society',
    title: {
      vi: 'Kỹ năng số và tổ công nghệ số cộng đồng',
      en: 'Digital skills and the community tech team',
      th: 'ทักษะดิจิทัลและทีมดิจิทัลชุมชน',
    },
    summary: {
      vi: 'Làm quen và dùng điện thoại thông minh an toàn; tìm đến tổ công nghệ số cộng đồng khi cần giúp, hoặc tham gia cùng tổ.',
      en: 'Get comfortable with your smartphone and use it safely; find the community tech team when you need help, or join it.',
      th: 'ใช้สมาร์ตโฟนอย่างมั่นใจและปลอดภัย รู้ว่าจะขอความช่วยเหลือจากทีมดิจิทัลชุมชนได้ที่ไหน หรือมาร่วมเป็นอาสาสมัคร',
    },
  },
];

export const templateArticles: TemplateArticle[] = [
  // ───────────────────────────── Digital government: digital ID ─────────────────────────────
  {
    key: 'activate-vneid-level-2',
    chapterKey: 'digital-id',
    title: {
      vi: 'Kích hoạt tài khoản định danh điện tử VNeID mức 2',
      en: 'Activate your VNeID digital ID to level 2',
    },
    summary: {
      vi: 'VNeID là ứng dụng định danh điện tử quốc gia. Bài này giải thích mức 1, mức 2 và các bước để bạn có tài khoản mức 2, loại tài khoản dùng được cho hầu hết thủ tục.',
      en: 'VNeID is the national digital-identity app. This article explains levels 1 and 2 and how to get a level 2 account, the one that works for most procedures.',
    },
    body: {
      vi: `## VNeID là gì?

VNeID là ứng dụng định danh điện tử quốc gia do Bộ Công an xây dựng. Bạn cài ứng dụng trên điện thoại, đăng nhập bằng **số định danh cá nhân** (12 chữ số in trên thẻ căn cước) và dùng nó như một chiếc "ví giấy tờ" luôn mang theo người.

Chỉ tải ứng dụng từ **Google Play** (điện thoại Android) hoặc **App Store** (iPhone). Nhà phát triển là Trung tâm dữ liệu quốc gia về dân cư. Không cài VNeID từ đường link lạ gửi qua tin nhắn, Zalo hay Facebook.

## Mức 1 và mức 2 khác nhau thế nào?

- **Mức 1**: bạn tự đăng ký trên ứng dụng. Tài khoản mức 1 chỉ xem được một số thông tin cơ bản và dùng được ít việc.
- **Mức 2**: bạn phải đến **cơ quan công an** để cán bộ kiểm tra trực tiếp, mang theo **thẻ căn cước hoặc căn cước công dân gắn chip**. Tài khoản mức 2 có giá trị như thẻ căn cước trong nhiều giao dịch và dùng được cho hầu hết dịch vụ công trực tuyến.

Nhiều người đã được đăng ký mức 2 ngay khi làm căn cước gắn chip. Nếu bạn đã nhận tin nhắn báo tài khoản được phê duyệt, bạn chỉ cần kích hoạt trên điện thoại.

## Đến công an cần mang gì?

- Thẻ căn cước hoặc căn cước công dân gắn chip của chính bạn.
- Điện thoại dùng số thuê bao **chính chủ** (đăng ký đúng tên bạn) và đang nhận được tin nhắn.

Cán bộ sẽ đối chiếu giấy tờ, chụp ảnh khuôn mặt và lấy vân tay nếu cần. Hãy hỏi công an xã nơi bạn ở về thời gian và địa điểm tiếp nhận.

## Kích hoạt trên điện thoại

1. Mở ứng dụng VNeID, chọn **Kích hoạt tài khoản**.
2. Nhập số định danh cá nhân và số điện thoại đã đăng ký.
3. Nhập mã kích hoạt (OTP) được gửi đến điện thoại. **Không đọc mã này cho bất kỳ ai.**
4. Đặt mật khẩu và mã passcode 6 số. Hãy ghi nhớ, đừng viết lên vỏ điện thoại.

## Tài khoản mức 2 dùng để làm gì?

- Xuất trình căn cước điện tử trên điện thoại khi được yêu cầu.
- Tích hợp giấy phép lái xe, thẻ bảo hiểm y tế và một số giấy tờ khác vào mục **Ví giấy tờ**.
- Đăng nhập [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) để nộp hồ sơ trực tuyến.
- Làm một số thủ tục về cư trú, như thông báo lưu trú, ngay trên ứng dụng.

Thông tin chính thức về VNeID có tại [vneid.gov.vn](https://vneid.gov.vn).

## Cần giúp đỡ?

Nếu quên mật khẩu, đổi số điện thoại hay không kích hoạt được, hãy hỏi công an xã hoặc **tổ công nghệ số cộng đồng** ở thôn, bản. Họ sẽ hướng dẫn bạn từng bước. Nhưng nhớ rằng: không ai cần biết mật khẩu hay mã OTP của bạn, kể cả người hướng dẫn.
`,
      en: `## What is VNeID?

VNeID is Vietnam's national digital-identity app, built by the Ministry of Public Security. You install it on your phone, sign in with your **personal identification number** (the 12 digits printed on your citizen ID card) and use it like a "document wallet" that is always with you.

Only download the app from **Google Play** (Android phones) or the **App Store** (iPhone). The developer is the National Population Data Center (Trung tâm dữ liệu quốc gia về dân cư). Never install VNeID from a link sent by text message, Zalo or Facebook.

## What is the difference between level 1 and level 2?

- **Level 1**: you register by yourself in the app. A level 1 account only shows some basic information and can do little.
- **Level 2**: you go to the **police** so an officer can check you in person. Bring your **chip-based citizen ID card** (thẻ căn cước or căn cước công dân gắn chip). A level 2 account counts like your ID card in many situations and works for most online public services.

Many people were registered for level 2 when they got their chip ID card. If you have already received a text message saying your account was approved, you only need to activate it on your phone.

## What to bring to the police

- Your own chip-based citizen ID card.
- A phone with a SIM card **registered in your own name** that can receive text messages.

The officer checks your card, takes a photo of your face and your fingerprints if needed. Ask the commune police where and when they receive people.

## Activate it on your phone

1. Open VNeID and choose **Kích hoạt tài khoản** (Activate account).
2. Enter your personal identification number and your registered phone number.
3. Type in the activation code (OTP) sent to your phone. **Never read this code to anyone.**
4. Set a password and a 6-digit passcode. Remember them; do not write them on the back of your phone.

## What can you do with level 2?

- Show your electronic ID on your phone when asked.
- Add your driving licence, health insurance card and some other documents to the **Ví giấy tờ** (document wallet).
- Sign in to the [National Public Service Portal](https://dichvucong.gov.vn) to apply for procedures online.
- Do some residence procedures, such as notifying a guest's stay, right in the app.

Official information about VNeID is at [vneid.gov.vn](https://vneid.gov.vn).

## Need help?

If you forget your password, change your phone number or cannot activate, ask the commune police or your village's **community digital-technology team** (tổ công nghệ số cộng đồng). They will guide you step by step. But remember: nobody needs to know your password or OTP code, not even the person helping you.
`,
    },
    checklist: {
      title: {
        vi: 'Kích hoạt định danh điện tử mức 2',
        en: 'Activate your digital ID to level 2',
      },
      steps: [
        {
          title: { vi: 'Cài ứng dụng VNeID trên điện thoại Android', en: 'Install VNeID on an Android phone' },
          detail: {
            vi: 'Mở Google Play, kiểm tra nhà phát triển là Trung tâm dữ liệu quốc gia về dân cư rồi bấm Cài đặt.',
            en: 'Open Google Play, check that the developer is the National Population Data Center, then tap Install.',
          },
          link: { url: VNEID_GOOGLE_PLAY, label: { vi: 'VNeID trên Google Play', en: 'VNeID on Google Play' } },
        },
        {
          title: { vi: 'Hoặc cài VNeID trên iPhone', en: 'Or install VNeID on an iPhone' },
          detail: {
            vi: 'Mở App Store, tìm đúng ứng dụng VNeID và cài đặt.',
            en: 'Open the App Store, find the VNeID app and install it.',
          },
          link: { url: VNEID_APP_STORE, label: { vi: 'VNeID trên App Store', en: 'VNeID on the App Store' } },
        },
        {
          title: { vi: 'Chuẩn bị thẻ căn cước gắn chip và số điện thoại chính chủ', en: 'Have your chip ID card and a phone number in your own name ready' },
          detail: {
            vi: 'Số điện thoại phải đăng ký đúng tên bạn và đang nhận được tin nhắn.',
            en: 'The phone number must be registered in your name and able to receive text messages.',
          },
        },
        {
          title: { vi: 'Đến công an xã để được kiểm tra trực tiếp', en: 'Go to the commune police for the in-person check' },
          detail: {
            vi: 'Cán bộ đối chiếu thẻ, chụp ảnh khuôn mặt và lấy vân tay nếu cần. Nếu đã đăng ký mức 2 khi làm căn cước, bạn có thể bỏ qua bước này.',
            en: 'The officer checks your card, takes your photo and fingerprints if needed. If you registered for level 2 when you got your ID card, skip this step.',
          },
        },
        {
          title: { vi: 'Chờ tin nhắn báo tài khoản đã được phê duyệt', en: 'Wait for the text message saying your account is approved' },
        },
        {
          title: { vi: 'Kích hoạt tài khoản trong ứng dụng', en: 'Activate the account in the app' },
          detail: {
            vi: 'Chọn Kích hoạt tài khoản, nhập số định danh, số điện thoại, mã OTP; đặt mật khẩu và passcode 6 số. Không đưa mã OTP cho ai.',
            en: 'Choose Kích hoạt tài khoản, enter your ID number, phone number and the OTP code; set a password and a 6-digit passcode. Never give the OTP to anyone.',
          },
        },
        {
          title: { vi: 'Tích hợp giấy tờ vào Ví giấy tờ', en: 'Add your documents to the document wallet' },
          detail: {
            vi: 'Thêm thẻ bảo hiểm y tế, giấy phép lái xe... để không phải mang bản giấy trong nhiều trường hợp.',
            en: 'Add your health insurance card, driving licence and so on, so you need not carry the paper versions in many situations.',
          },
          link: { url: 'https://vneid.gov.vn', label: { vi: 'Thông tin chính thức về VNeID', en: 'Official VNeID information' } },
        },
      ],
    },
  },
  {
    key: 'health-insurance-on-vneid',
    chapterKey: 'digital-id',
    title: {
      vi: 'Dùng thẻ bảo hiểm y tế trên VNeID',
      en: 'Use your health insurance card on VNeID',
    },
    summary: {
      vi: 'Tích hợp thẻ bảo hiểm y tế vào VNeID để đi khám không lo quên thẻ, và biết cách kiểm tra hạn thẻ của cả nhà.',
      en: "Add your health insurance card to VNeID so you never forget it at the clinic, and learn to check when your family's cards expire.",
    },
    body: {
      vi: `## Vì sao nên đưa thẻ bảo hiểm y tế lên VNeID?

Thẻ bảo hiểm y tế (BHYT) bằng giấy dễ bị quên ở nhà, bị ướt hoặc bị rách. Khi thẻ đã được tích hợp vào tài khoản VNeID mức 2, thông tin thẻ luôn nằm trong điện thoại của bạn. Nhiều cơ sở khám chữa bệnh cũng đã chấp nhận thẻ căn cước gắn chip thay cho thẻ BHYT giấy.

## Cách tích hợp thẻ BHYT

1. Mở ứng dụng VNeID và đăng nhập bằng tài khoản mức 2.
2. Chọn **Ví giấy tờ**, rồi chọn **Tích hợp thông tin**.
3. Chọn **Tạo mới yêu cầu** và chọn loại giấy tờ là **Thẻ BHYT**.
4. Nhập mã số BHYT in trên thẻ, đánh dấu đồng ý và gửi yêu cầu.
5. Chờ kết quả. Khi thành công, thẻ BHYT hiện trong Ví giấy tờ.

Tên các mục có thể khác một chút giữa các phiên bản ứng dụng. Nếu không tìm thấy, hãy nhờ tổ công nghệ số cộng đồng xem giúp.

## Khi đi khám bệnh

- Xuất trình thẻ BHYT trên VNeID hoặc thẻ căn cước gắn chip tại quầy tiếp đón.
- Nếu cơ sở y tế chưa tra cứu được, hãy mang theo thẻ giấy hoặc hỏi nhân viên cách làm. Đừng tranh cãi, mỗi nơi có thể đang ở mức triển khai khác nhau.
- Mang theo giấy chuyển tuyến hoặc giấy tờ khác nếu bác sĩ yêu cầu.

## Kiểm tra hạn thẻ của cả nhà

Thẻ BHYT có thời hạn sử dụng. Hãy xem **hạn thẻ** ngay trên VNeID. Ứng dụng **VssID** của Bảo hiểm xã hội Việt Nam cũng cho bạn xem thông tin thẻ và quá trình đóng bảo hiểm.

Nếu gia đình bạn tham gia BHYT theo hộ gia đình, hãy nộp tiền gia hạn trước khi thẻ hết hạn để không bị gián đoạn quyền lợi. Nơi thu và cách nộp tiền có thể khác nhau ở từng địa phương: hỏi đại lý thu BHYT ở thôn hoặc bộ phận một cửa của xã.

## Thẻ BHYT cho trẻ em

Trẻ em dưới 6 tuổi được Nhà nước đóng bảo hiểm y tế. Khi làm thủ tục **liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT** trên Cổng Dịch vụ công quốc gia, bé sẽ được cấp thẻ BHYT cùng lúc với giấy khai sinh. Xem bài "Đăng ký khai sinh trực tuyến" trong sổ tay này.

## Giữ an toàn

- Mã số BHYT và thông tin sức khỏe là **dữ liệu cá nhân**. Không đăng ảnh thẻ lên mạng xã hội.
- Không ai được gọi điện yêu cầu bạn chuyển tiền để "gia hạn thẻ qua điện thoại". Nếu nghi ngờ, cúp máy và hỏi cán bộ xã.
`,
      en: `## Why put your health insurance card on VNeID?

A paper health insurance card (thẻ BHYT) is easy to forget at home, get wet or tear. Once the card is added to your level 2 VNeID account, its details are always on your phone. Many clinics and hospitals also accept the chip-based citizen ID card instead of the paper insurance card.

## How to add your card

1. Open VNeID and sign in with your level 2 account.
2. Choose **Ví giấy tờ** (document wallet), then **Tích hợp thông tin** (add information).
3. Choose **Tạo mới yêu cầu** (new request) and pick **Thẻ BHYT** (health insurance card).
4. Type the insurance number printed on your card, tick to agree and send the request.
5. Wait for the result. When it succeeds, the card appears in your document wallet.

The names of these menus can change a little between app versions. If you cannot find them, ask the community tech team to look with you.

## At the clinic

- Show the insurance card in VNeID, or your chip ID card, at the reception desk.
- If the clinic cannot look it up yet, bring your paper card or ask the staff what to do. Do not argue: places are at different stages of setting this up.
- Bring a referral letter or other papers if your doctor asks for them.

## Check your family's cards

Health insurance cards have an end date. Check the **expiry date** directly in VNeID. The **VssID** app of Vietnam Social Security also shows your card and your payment history.

If your family is insured as a household, pay the renewal before the cards expire so your cover does not stop. Where and how you pay can differ between localities: ask the insurance collection agent in your village or the commune's one-stop office (bộ phận một cửa).

## Cards for young children

For children under 6, the State pays the health insurance. When you use the combined procedure for **birth registration, permanent residence registration and a health insurance card** on the National Public Service Portal, your baby gets an insurance card together with the birth certificate. See "Register a birth online" in this handbook.

## Stay safe

- Your insurance number and health information are **personal data**. Do not post photos of your card on social media.
- Nobody will phone you to ask for money to "renew your card over the phone". If in doubt, hang up and ask the commune office.
`,
    },
  },

  // ─────────────────────────── Digital government: public services ───────────────────────────
  {
    key: 'use-national-public-service-portal',
    chapterKey: 'public-services',
    title: {
      vi: 'Làm thủ tục trên Cổng Dịch vụ công quốc gia',
      en: 'Using the National Public Service Portal',
    },
    summary: {
      vi: 'Cổng Dịch vụ công quốc gia giúp bạn nộp hồ sơ, nộp phí và nhận kết quả nhiều thủ tục ngay trên điện thoại. Bài này hướng dẫn từ lúc đăng nhập đến khi theo dõi hồ sơ.',
      en: 'The National Public Service Portal lets you apply, pay and receive results for many procedures from your phone. This guide goes from signing in to tracking your application.',
    },
    body: {
      vi: `## Cổng Dịch vụ công quốc gia là gì?

[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) là trang web chính thức để nộp hồ sơ trực tuyến cho rất nhiều thủ tục: khai sinh, cư trú, giấy phép lái xe, bảo hiểm, đất đai và nhiều việc khác. Bạn nộp hồ sơ, nộp phí và theo dõi kết quả mà không phải đi lại nhiều lần.

Địa chỉ đúng là **dichvucong.gov.vn**. Các trang web của cơ quan nhà nước Việt Nam có đuôi **.gov.vn**. Nếu một trang có tên gần giống nhưng đuôi khác, hoặc được gửi qua tin nhắn lạ, đừng nhập thông tin vào đó.

## Đăng nhập

Bạn cần tài khoản **VNeID mức 2** (xem bài "Kích hoạt tài khoản định danh điện tử VNeID mức 2").

1. Vào dichvucong.gov.vn, bấm **Đăng nhập**.
2. Chọn đăng nhập bằng **tài khoản định danh điện tử** (VNeID).
3. Làm theo hướng dẫn trên màn hình: nhập số định danh cá nhân và mật khẩu VNeID, rồi xác nhận bằng mã OTP hoặc trên ứng dụng VNeID.

## Tìm đúng thủ tục

- Gõ tên thủ tục vào ô tìm kiếm, ví dụ "đăng ký khai sinh" hoặc "cấp đổi giấy phép lái xe".
- Đọc kỹ phần mô tả: thành phần hồ sơ, phí, lệ phí và cơ quan giải quyết đều được ghi ở đó.
- Chọn đúng **tỉnh, thành phố** và **xã** nơi bạn nộp hồ sơ.

## Điền và nộp hồ sơ

1. Kiểm tra thông tin tự điền từ cơ sở dữ liệu dân cư. Nếu sai, đừng nộp; hỏi công an xã cách sửa.
2. Điền các ô còn trống. Ô có dấu sao (*) là bắt buộc.
3. Đính kèm giấy tờ: chụp ảnh trên mặt bàn phẳng, đủ sáng, không bị lóa, thấy rõ bốn góc.
4. Chọn cách nhận kết quả: bản điện tử, nhận trực tiếp hoặc qua bưu điện (nếu thủ tục cho phép).
5. Nộp phí, lệ phí trực tuyến nếu có. Số tiền được hiển thị trên cổng. Lưu biên lai.
6. Ghi lại **mã hồ sơ** để theo dõi.

## Theo dõi hồ sơ

Vào phần quản lý hồ sơ của tài khoản để xem tình trạng. Nếu cơ quan yêu cầu **bổ sung**, bạn sẽ nhận thông báo; hãy đọc kỹ và bổ sung sớm.

## Khi cần giúp đỡ

Mỗi địa phương có thể có yêu cầu riêng. Hãy hỏi **bộ phận một cửa** (Trung tâm phục vụ hành chính công) của xã. **Tổ công nghệ số cộng đồng** có thể ngồi cùng bạn để nộp hồ sơ lần đầu. Bạn tự nhập mật khẩu và mã OTP; không đưa cho người khác.
`,
      en: `## What is the National Public Service Portal?

The [National Public Service Portal](https://dichvucong.gov.vn) (Cổng Dịch vụ công quốc gia) is the official website for applying online for many procedures: birth registration, residence, driving licences, insurance, land and more. You apply, pay the fee and follow the result without travelling back and forth.

The correct address is **dichvucong.gov.vn**. Vietnamese government websites end in **.gov.vn**. If a site has a similar name but a different ending, or reaches you through a strange message, do not type anything into it.

## Sign in

You need a **level 2 VNeID account** (see "Activate your VNeID digital ID to level 2").

1. Go to dichvucong.gov.vn and tap **Đăng nhập** (Sign in).
2. Choose to sign in with your **digital identity account** (VNeID).
3. Follow the screen: enter your personal identification number and VNeID password, then confirm with an OTP code or in the VNeID app.

## Find the right procedure

- Type the name of the procedure in the search box, for example "đăng ký khai sinh" (birth registration) or "cấp đổi giấy phép lái xe" (renew a driving licence).
- Read the description carefully: the documents needed, fees and the office in charge are all listed there.
- Choose the right **province or city** and **commune** where you apply.

## Fill in and submit

1. Check the details filled in automatically from the population database. If something is wrong, do not submit; ask the commune police how to correct it.
2. Fill in the empty boxes. Boxes marked with a star (*) are required.
3. Attach documents: photograph them on a flat table in good light, without glare, with all four corners visible.
4. Choose how to receive the result: electronic copy, in person or by post (if the procedure allows).
5. Pay any fee online. The amount is shown on the portal. Keep the receipt.
6. Write down the **application code** so you can follow it.

## Follow your application

Open the application management part of your account to see the status. If the office asks for **more documents**, you will get a notice; read it carefully and reply soon.

## When you need help

Each locality can have its own requirements. Ask the commune's **one-stop office** (bộ phận một cửa, also called the public administration service centre). The **community tech team** can sit with you for your first application. You type your own password and OTP; never hand them to anyone else.
`,
    },
    checklist: {
      title: {
        vi: 'Nộp hồ sơ trực tuyến lần đầu',
        en: 'Your first online application',
      },
      steps: [
        {
          title: { vi: 'Có tài khoản VNeID mức 2', en: 'Have a level 2 VNeID account' },
          detail: { vi: 'Nếu chưa có, làm theo bài "Kích hoạt tài khoản định danh điện tử VNeID mức 2".', en: 'If you do not have one yet, follow "Activate your VNeID digital ID to level 2".' },
        },
        {
          title: { vi: 'Mở Cổng Dịch vụ công quốc gia', en: 'Open the National Public Service Portal' },
          detail: { vi: 'Kiểm tra địa chỉ là dichvucong.gov.vn.', en: 'Check that the address is dichvucong.gov.vn.' },
          link: { url: PORTAL, label: { vi: 'Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal' } },
        },
        {
          title: { vi: 'Đăng nhập bằng tài khoản định danh điện tử', en: 'Sign in with your digital identity account' },
        },
        {
          title: { vi: 'Tìm thủ tục và đọc kỹ hồ sơ cần có', en: 'Find the procedure and read which documents you need' },
        },
        {
          title: { vi: 'Điền thông tin, đính kèm ảnh giấy tờ rõ nét', en: 'Fill in the form and attach clear photos of your documents' },
        },
        {
          title: { vi: 'Nộp phí trực tuyến nếu có và lưu biên lai', en: 'Pay any fee online and keep the receipt' },
          detail: { vi: 'Số tiền phải nộp được hiển thị trên cổng.', en: 'The amount to pay is shown on the portal.' },
        },
        {
          title: { vi: 'Ghi lại mã hồ sơ và theo dõi thông báo', en: 'Write down the application code and watch for notices' },
          detail: { vi: 'Nếu được yêu cầu bổ sung, hãy làm sớm. Cần giúp: hỏi bộ phận một cửa của xã hoặc tổ công nghệ số cộng đồng.', en: "If you are asked for more documents, reply soon. For help, ask the commune's one-stop office or the community tech team." },
        },
      ],
    },
  },
  {
    key: 'renew-driving-licence-online',
    chapterKey: 'public-services',
    title: {
      vi: 'Cấp đổi giấy phép lái xe trực tuyến',
      en: 'Renew your driving licence online',
    },
    summary: {
      vi: 'Bạn có thể nộp hồ sơ đổi giấy phép lái xe trên Cổng Dịch vụ công quốc gia và nhận bằng mới tại nhà qua bưu điện, không cần xếp hàng.',
      en: 'You can apply to renew your driving licence on the National Public Service Portal and receive the new one by post, without queuing.',
    },
    body: {
      vi: `## Khi nào cần đổi giấy phép lái xe?

- Giấy phép lái xe (bằng lái) **sắp hết hạn** hoặc đã hết hạn.
- Bằng lái bị hỏng, mờ chữ, hoặc thông tin trên bằng không còn đúng.

Nhiều loại bằng lái xe máy không ghi thời hạn. Nếu bằng của bạn vẫn còn tốt thì chưa cần đổi. Nếu **bị mất** bằng lái, đó là thủ tục **cấp lại**, không phải cấp đổi: hãy tìm đúng tên thủ tục trên cổng.

Hiện nay việc cấp, đổi giấy phép lái xe do ngành công an quản lý. Bạn có thể nộp hồ sơ trực tuyến trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).

## Chuẩn bị trước

- Tài khoản **VNeID mức 2** để đăng nhập.
- Bằng lái hiện tại, để xem số bằng, hạng bằng và ngày hết hạn.
- **Giấy khám sức khỏe dành cho người lái xe** của cơ sở y tế đủ điều kiện, nếu hạng bằng của bạn cần. Nhiều nơi đã gửi kết quả khám lên hệ thống điện tử; hãy hỏi nơi bạn khám.
- Ứng dụng ngân hàng để nộp lệ phí trực tuyến. **Mức lệ phí được hiển thị trên cổng.**

## Các bước nộp hồ sơ

1. Vào dichvucong.gov.vn, đăng nhập bằng tài khoản định danh điện tử VNeID.
2. Gõ "cấp đổi giấy phép lái xe" vào ô tìm kiếm. Chọn đúng thủ tục và chọn tỉnh, thành phố nơi bạn nộp.
3. Kiểm tra thông tin cá nhân và thông tin bằng lái do hệ thống tự điền. Điền các ô còn trống.
4. Đính kèm giấy tờ theo yêu cầu trên màn hình. Ảnh phải rõ nét, đủ sáng.
5. Chọn cách nhận bằng mới: qua bưu điện về tận nhà hoặc nhận trực tiếp.
6. Nộp lệ phí trực tuyến và lưu biên lai.
7. Ghi lại mã hồ sơ. Theo dõi thông báo; nếu được yêu cầu bổ sung, hãy làm sớm.

## Sau khi có bằng mới

- Kiểm tra kỹ họ tên, ngày sinh, hạng bằng và thời hạn in trên bằng.
- Tích hợp giấy phép lái xe vào **Ví giấy tờ** trên VNeID để mang theo trên điện thoại.

## Cẩn thận với "dịch vụ làm bằng nhanh"

Trên mạng có nhiều trang, nhiều tài khoản mời "đổi bằng nhanh, không cần khám", "bao đậu". Đó thường là **lừa đảo** hoặc làm giấy tờ giả. Chỉ nộp hồ sơ qua cổng chính thức hoặc tại cơ quan nhà nước.

## Khi cần giúp đỡ

Quy định, giấy tờ và cách nhận kết quả có thể thay đổi theo thời điểm và địa phương. Hãy hỏi công an xã hoặc **bộ phận một cửa** của xã. **Tổ công nghệ số cộng đồng** có thể ngồi cùng bạn để nộp hồ sơ.
`,
      en: `## When do you need to renew your licence?

- Your driving licence is **about to expire** or has expired.
- The licence is damaged or faded, or the details on it are no longer correct.

Many motorbike licences have no expiry date. If yours is still in good condition, you do not need to renew it. If you have **lost** your licence, that is a different procedure, **reissue** (cấp lại), not renewal: search for the right procedure name on the portal.

Driving licences are now managed by the police. You can apply online on the [National Public Service Portal](https://dichvucong.gov.vn).

## Get ready

- A **level 2 VNeID account** to sign in.
- Your current licence, to see its number, class and expiry date.
- A **driver's health certificate** from an approved health facility, if your licence class needs one. Many facilities now send results to the electronic system; ask where you had your check-up.
- A bank app to pay the fee online. **The fee is shown on the portal.**

## Steps to apply

1. Go to dichvucong.gov.vn and sign in with your VNeID digital identity account.
2. Type "cấp đổi giấy phép lái xe" in the search box. Choose the right procedure and the province or city where you apply.
3. Check the personal and licence details filled in by the system. Fill in the empty boxes.
4. Attach the documents the screen asks for. Photos must be sharp and well lit.
5. Choose how to receive the new licence: by post to your home or in person.
6. Pay the fee online and keep the receipt.
7. Write down the application code. Watch for notices; if you are asked for more documents, reply soon.

## When the new licence arrives

- Check your name, date of birth, licence class and validity printed on it.
- Add the licence to the **Ví giấy tờ** (document wallet) in VNeID so you carry it on your phone.

## Beware of "fast licence services"

Online you will see pages and accounts offering "quick renewal, no health check" or "guaranteed pass". These are usually **scams** or fake documents. Only apply through the official portal or at a government office.

## When you need help

Rules, documents and delivery options can change over time and between localities. Ask the commune police or the commune's **one-stop office** (bộ phận một cửa). The **community tech team** can sit with you while you apply.
`,
    },
    checklist: {
      title: {
        vi: 'Đổi giấy phép lái xe trực tuyến',
        en: 'Renew your driving licence online',
      },
      steps: [
        {
          title: { vi: 'Xem hạn và hạng bằng lái hiện tại', en: 'Check the expiry date and class of your current licence' },
          detail: { vi: 'Nếu bị mất bằng, hãy tìm thủ tục cấp lại thay vì cấp đổi.', en: 'If you lost it, look for the reissue procedure instead of renewal.' },
        },
        {
          title: { vi: 'Khám sức khỏe cho người lái xe nếu hạng bằng cần', en: "Get a driver's health check if your licence class needs one" },
          detail: { vi: 'Khám tại cơ sở y tế đủ điều kiện; hỏi nơi khám xem kết quả đã được gửi lên hệ thống điện tử chưa.', en: 'Use an approved health facility; ask whether they send the result to the electronic system.' },
        },
        {
          title: { vi: 'Đăng nhập Cổng Dịch vụ công bằng VNeID mức 2', en: 'Sign in to the portal with your level 2 VNeID account' },
          link: { url: PORTAL, label: { vi: 'Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal' } },
        },
        {
          title: { vi: 'Tìm "cấp đổi giấy phép lái xe" và chọn tỉnh, thành phố', en: 'Search for "cấp đổi giấy phép lái xe" and choose your province or city' },
        },
        {
          title: { vi: 'Kiểm tra thông tin, đính kèm giấy tờ theo yêu cầu', en: 'Check the details and attach the documents asked for' },
        },
        {
          title: { vi: 'Chọn nhận bằng qua bưu điện hoặc trực tiếp', en: 'Choose delivery by post or collection in person' },
        },
        {
          title: { vi: 'Nộp lệ phí trực tuyến, lưu biên lai và mã hồ sơ', en: 'Pay the fee online; keep the receipt and application code' },
          detail: { vi: 'Mức lệ phí được hiển thị trên cổng.', en: 'The fee is shown on the portal.' },
        },
        {
          title: { vi: 'Nhận bằng mới và tích hợp vào VNeID', en: 'Receive the new licence and add it to VNeID' },
        },
      ],
    },
  },
  {
    key: 'register-birth-online',
    chapterKey: 'public-services',
    title: {
      vi: 'Đăng ký khai sinh trực tuyến cho con',
      en: 'Register a birth online',
    },
    summary: {
      vi: 'Đăng ký khai sinh cho con ngay trên điện thoại. Với thủ tục liên thông, một lần nộp hồ sơ bạn nhận được giấy khai sinh, đăng ký thường trú và thẻ bảo hiểm y tế cho bé.',
      en: "Register your baby's birth from your phone. With the combined procedure, one application gives you the birth certificate, permanent residence registration and a health insurance card for your child.",
    },
    body: {
      vi: `## Đăng ký khai sinh cho con ngay tại nhà

Khi em bé chào đời, cha hoặc mẹ cần đăng ký khai sinh cho con **trong vòng 60 ngày** kể từ ngày sinh. Bạn có thể làm việc này trực tuyến trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) hoặc trên ứng dụng VNeID nếu phiên bản của bạn có mục này, không cần bế con đi xa.

## Thủ tục liên thông: một lần nộp, ba kết quả

Hãy chọn thủ tục **liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi**. Chỉ nộp một bộ hồ sơ, bạn nhận được:

- **Giấy khai sinh** và số định danh cá nhân của con;
- **Đăng ký thường trú** cho con;
- **Thẻ bảo hiểm y tế** cho con. Trẻ em dưới 6 tuổi được Nhà nước đóng bảo hiểm y tế.

Nếu chỉ cần giấy khai sinh, bạn có thể chọn thủ tục "đăng ký khai sinh" riêng.

## Chuẩn bị

- Tài khoản **VNeID mức 2** của cha hoặc mẹ.
- **Giấy chứng sinh** do nơi sinh cấp: ảnh chụp rõ nét, hoặc bản điện tử nếu cơ sở y tế đã gửi lên hệ thống.
- Thông tin kết hôn của cha mẹ, nếu có. Hệ thống có thể tự lấy từ cơ sở dữ liệu; nếu không, đính kèm ảnh giấy chứng nhận kết hôn.
- Họ tên, giới tính, dân tộc, quê quán của con. **Kiểm tra thật kỹ chính tả tên con**, sửa sau sẽ mất công.
- Nếu đăng ký thường trú cho con tại nhà của người khác, có thể cần ý kiến đồng ý của chủ hộ.

## Các bước

1. Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID.
2. Gõ "liên thông đăng ký khai sinh" vào ô tìm kiếm và chọn đúng thủ tục.
3. Chọn nơi đăng ký: Ủy ban nhân dân xã nơi cha hoặc mẹ cư trú.
4. Điền thông tin của con; kiểm tra thông tin cha mẹ do hệ thống tự điền.
5. Đính kèm giấy chứng sinh và các giấy tờ khác theo yêu cầu.
6. Chọn cách nhận giấy khai sinh bản giấy: tại xã hoặc qua bưu điện.
7. Nộp hồ sơ, ghi lại mã hồ sơ và theo dõi thông báo.

Đăng ký khai sinh đúng hạn được miễn lệ phí. Nếu có khoản phí khác, ví dụ phí gửi bưu điện, cổng sẽ hiển thị trước khi bạn nộp.

## Sau khi có kết quả

- Kiểm tra họ tên, ngày sinh của con trên giấy khai sinh.
- Cất giữ bản giấy cẩn thận; bản điện tử cũng được lưu trong tài khoản của bạn.
- Kiểm tra thẻ bảo hiểm y tế của con trước khi đưa bé đi khám.

## Khi nào nên đến xã?

Các trường hợp đặc biệt như quá hạn đăng ký, chưa xác định được cha, con sinh ở nước ngoài, hoặc giấy tờ không khớp có thể cần làm trực tiếp. Hãy hỏi **bộ phận một cửa** của xã. **Tổ công nghệ số cộng đồng** sẵn lòng giúp bạn nộp hồ sơ.
`,
      en: `## Register your baby's birth from home

When your baby is born, the father or mother must register the birth **within 60 days**. You can do this online on the [National Public Service Portal](https://dichvucong.gov.vn) or in the VNeID app if your version offers it, without carrying your baby on a long trip.

## The combined procedure: one application, three results

Choose the combined ("liên thông") procedure for **birth registration, permanent residence registration and a health insurance card for children under 6**. With one application you receive:

- the **birth certificate** and your child's personal identification number;
- **permanent residence registration** for your child;
- a **health insurance card** for your child. For children under 6, the State pays the health insurance.

If you only need the birth certificate, you can choose the separate "đăng ký khai sinh" (birth registration) procedure.

## Get ready

- The father's or mother's **level 2 VNeID account**.
- The **birth notice** (giấy chứng sinh) from the place of birth: a sharp photo, or the electronic version if the health facility has sent it to the system.
- The parents' marriage details, if married. The system may fill them in from the database; if not, attach a photo of the marriage certificate.
- Your child's full name, sex, ethnicity and home town. **Check the spelling of the name very carefully**; correcting it later takes effort.
- If your child's residence will be registered in someone else's house, the head of that household may need to agree.

## Steps

1. Sign in to the portal with your VNeID account.
2. Type "liên thông đăng ký khai sinh" in the search box and choose the right procedure.
3. Choose where to register: the People's Committee of the commune where the father or mother lives.
4. Fill in your child's details; check the parents' details filled in by the system.
5. Attach the birth notice and any other documents asked for.
6. Choose how to receive the paper birth certificate: at the commune office or by post.
7. Submit, write down the application code and watch for notices.

Registering a birth on time is free of charge. If there is another cost, such as postage, the portal shows it before you submit.

## When the result arrives

- Check your child's name and date of birth on the certificate.
- Keep the paper certificate safe; the electronic version is also kept in your account.
- Check your child's health insurance card before your next clinic visit.

## When should you go to the commune office?

Special cases, such as registering late, when the father is not yet established, a birth abroad, or documents that do not match, may need to be done in person. Ask the commune's **one-stop office** (bộ phận một cửa). The **community tech team** is happy to help you apply.
`,
    },
    checklist: {
      title: {
        vi: 'Đăng ký khai sinh liên thông cho con',
        en: "Register your child's birth with the combined procedure",
      },
      steps: [
        {
          title: { vi: 'Chuẩn bị giấy chứng sinh và tài khoản VNeID mức 2 của cha hoặc mẹ', en: "Have the birth notice and the father's or mother's level 2 VNeID account ready" },
        },
        {
          title: { vi: 'Thống nhất họ tên, quê quán của con và kiểm tra chính tả', en: "Agree on your child's name and home town, and check the spelling" },
        },
        {
          title: { vi: 'Đăng nhập Cổng Dịch vụ công quốc gia', en: 'Sign in to the National Public Service Portal' },
          link: { url: PORTAL, label: { vi: 'Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal' } },
        },
        {
          title: { vi: 'Chọn thủ tục liên thông khai sinh, thường trú, thẻ BHYT cho trẻ dưới 6 tuổi', en: 'Choose the combined birth, residence and health-insurance procedure for children under 6' },
        },
        {
          title: { vi: 'Điền thông tin, đính kèm giấy chứng sinh và giấy tờ khác', en: 'Fill in the form and attach the birth notice and other documents' },
        },
        {
          title: { vi: 'Chọn nơi nhận giấy khai sinh bản giấy, nộp hồ sơ và ghi lại mã hồ sơ', en: 'Choose where to receive the paper certificate, submit and note the application code' },
          detail: { vi: 'Đăng ký đúng hạn (trong 60 ngày) được miễn lệ phí.', en: 'Registering on time (within 60 days) is free of charge.' },
        },
        {
          title: { vi: 'Nhận kết quả và kiểm tra giấy khai sinh, thẻ BHYT của con', en: "Receive the results and check your child's birth certificate and insurance card" },
          detail: { vi: 'Trường hợp đặc biệt: hỏi bộ phận một cửa của xã.', en: "Special cases: ask the commune's one-stop office." },
        },
      ],
    },
  },

  // ─────────────────────────────── Digital economy: paying ───────────────────────────────
  {
    key: 'pay-by-bank-qr',
    chapterKey: 'cashless',
    title: {
      vi: 'Trả tiền bằng mã QR chuyển khoản',
      en: 'Pay by bank-transfer QR code',
      th: 'จ่ายเงินด้วยการสแกนคิวอาร์โค้ด',
    },
    summary: {
      vi: 'Quét mã QR bằng ứng dụng ngân hàng để trả tiền nhanh, không cần tiền lẻ. Luôn kiểm tra tên người nhận và số tiền trước khi xác nhận.',
      en: 'Scan a QR code with your bank app to pay quickly without cash. Always check the name and amount before you confirm.',
      th: 'สแกนคิวอาร์โค้ดด้วยแอปธนาคารเพื่อจ่ายเงินได้รวดเร็ว ไม่ต้องใช้เงินสด ตรวจชื่อผู้รับและจำนวนเงินทุกครั้งก่อนกดยืนยัน',
    },
    body: {
      vi: `## Mã QR chuyển khoản là gì?

Ô vuông đen trắng dán ở quầy hàng, trên hóa đơn hay trên bao bì là **mã QR nhận tiền**. Ở Việt Nam, mã **VietQR** dùng được với ứng dụng của hầu hết các ngân hàng. Tiền được chuyển qua hệ thống chuyển nhanh **NAPAS 247**, nên đến tài khoản người nhận gần như ngay lập tức, kể cả ngày nghỉ.

Bạn không cần mang nhiều tiền mặt, không lo thiếu tiền lẻ, và có biên lai cho mọi khoản đã trả.

## Trả tiền bằng mã QR

1. Mở ứng dụng ngân hàng, chọn **Quét QR**.
2. Đưa camera vào mã QR, giữ yên tay.
3. **Kiểm tra tên người nhận.** Tên hiện trên màn hình có đúng tên chủ cửa hàng, đúng người bạn muốn trả không?
4. Nhập hoặc kiểm tra **số tiền**. Đếm kỹ các số 0.
5. Xác nhận bằng mã PIN, vân tay, khuôn mặt hoặc Smart OTP. Giao dịch giá trị lớn có thể phải xác thực bằng khuôn mặt.
6. Chờ màn hình báo **giao dịch thành công**. Lưu hoặc chụp màn hình biên lai.

Nếu màn hình báo lỗi, **đừng chuyển lại ngay**. Xem lịch sử giao dịch trước để chắc chắn tiền chưa bị trừ.

## Nhận tiền bằng mã QR (cho người bán)

- Lấy mã QR tài khoản của bạn trong ứng dụng ngân hàng, in ra và dán ở quầy.
- **Chỉ giao hàng khi chính điện thoại của bạn báo tiền đã vào tài khoản** (thông báo biến động số dư). Đừng chỉ tin ảnh chụp màn hình khách đưa: ảnh đó có thể bị làm giả.
- Thỉnh thoảng kiểm tra mã QR dán ở quầy, đề phòng kẻ gian dán mã khác đè lên.

## Những điều cần cẩn thận

- Quét mã QR là để **trả** tiền. Không ai **nhận** tiền bằng cách quét mã. Ai bảo bạn "quét mã để nhận quà", "quét mã để được hoàn tiền" là kẻ lừa đảo.
- Không quét mã QR do người lạ gửi qua tin nhắn.
- Chuyển nhầm tiền: gọi ngay tổng đài của ngân hàng bạn (số in trên thẻ hoặc trong ứng dụng).
- Không cho người khác thuê, mượn tài khoản ngân hàng của bạn. Việc này bị pháp luật cấm, và tài khoản có thể bị dùng để nhận tiền lừa đảo.

## Cần giúp đỡ?

Tổ công nghệ số cộng đồng có thể giúp bạn cài ứng dụng ngân hàng, tạo mã QR nhận tiền và thử chuyển một khoản nhỏ. Nhưng bạn luôn tự nhập mã PIN và mã OTP, không đưa cho ai.
`,
      en: `## What is a payment QR code?

The black-and-white square stuck on a shop counter, a bill or a package is a **QR code for receiving money**. In Vietnam, **VietQR** codes work with almost every bank's app, and the money travels through the **NAPAS 247** fast-transfer system, so it arrives almost at once, even on holidays. In Thailand, the **Thai QR Payment** code works with **PromptPay** in the same way.

You do not need to carry much cash, you never run short of change, and you get a receipt for every payment.

## Paying with a QR code

1. Open your bank app and choose **Scan QR**.
2. Point the camera at the code and hold your hand steady.
3. **Check the recipient's name.** Is the name on the screen the shop owner, the person you mean to pay?
4. Type or check the **amount**. Count the zeros carefully.
5. Confirm with your PIN, fingerprint, face or Smart OTP. Large payments may need face verification.
6. Wait for the **successful transaction** screen. Save it or take a screenshot as your receipt.

If the screen shows an error, **do not pay again straight away**. First look at your transaction history to make sure no money left your account.

## Receiving money by QR (for sellers)

- Get your account's QR code from your bank app, print it and stick it at your stall.
- **Only hand over the goods when your own phone shows the money has arrived** (the balance notification). Do not trust a screenshot the customer shows you: it can be faked.
- Check the code at your counter now and then, in case someone has stuck another code over it.

## Be careful

- Scanning a QR code is for **paying**. Nobody **receives** money by scanning. Anyone who says "scan to get your prize" or "scan to get a refund" is a scammer.
- Do not scan QR codes sent to you by strangers.
- Sent money to the wrong account? Call your bank's hotline at once (the number is on your card or in the app).
- Never rent or lend your bank account to anyone. It is against the law, and the account can be used to collect money from scams.

## Need help?

The community tech team can help you install a bank app, make a QR code for receiving money and try a small transfer. But you always type your own PIN and OTP, and never give them to anyone.
`,
      th: `## คิวอาร์โค้ดสำหรับจ่ายเงินคืออะไร

สี่เหลี่ยมลายขาวดำที่ติดอยู่หน้าร้าน บนใบแจ้งหนี้ หรือบนหีบห่อ คือ **คิวอาร์โค้ดสำหรับรับเงิน** ในประเทศไทยใช้มาตรฐาน **Thai QR Payment** ที่เชื่อมกับ **พร้อมเพย์ (PromptPay)** สแกนได้ด้วยแอปของแทบทุกธนาคาร และเงินเข้าบัญชีผู้รับเกือบทันที

คุณไม่ต้องพกเงินสดมาก ไม่ต้องกังวลเรื่องเงินทอน และมีสลิปเป็นหลักฐานทุกครั้งที่จ่าย

## จ่ายเงินด้วยการสแกน

1. เปิดแอปธนาคารแล้วเลือก **สแกนจ่าย**
2. หันกล้องไปที่คิวอาร์โค้ด ถือโทรศัพท์ให้นิ่ง
3. **ตรวจชื่อผู้รับ** ว่าตรงกับเจ้าของร้านหรือคนที่คุณตั้งใจจะจ่ายหรือไม่
4. ใส่หรือตรวจ **จำนวนเงิน** นับเลขศูนย์ให้ดี
5. ยืนยันด้วยรหัส PIN ลายนิ้วมือ หรือสแกนใบหน้า รายการที่มียอดเงินสูงอาจต้องยืนยันตัวตนด้วยใบหน้า
6. รอจนขึ้นหน้าจอ **ทำรายการสำเร็จ** แล้วเก็บสลิปไว้

ถ้าหน้าจอขึ้นว่าผิดพลาด **อย่าเพิ่งโอนซ้ำ** ให้ดูประวัติรายการก่อนว่าเงินถูกตัดไปแล้วหรือยัง

## สำหรับคนขาย: รับเงินด้วยคิวอาร์

- สร้างคิวอาร์โค้ดรับเงินจากแอปธนาคารของคุณ พิมพ์แล้วติดไว้ที่ร้าน
- **ส่งของเมื่อแอปหรือข้อความแจ้งเตือนในโทรศัพท์ของคุณเองบอกว่าเงินเข้าแล้วเท่านั้น** อย่าเชื่อแค่สลิปที่ลูกค้ายื่นให้ดู เพราะสลิปปลอมทำได้ง่าย
- ตรวจคิวอาร์ที่ติดไว้ที่ร้านเป็นระยะ เผื่อมีคนเอาคิวอาร์อื่นมาแปะทับ

## เรื่องที่ต้องระวัง

- การสแกนคิวอาร์คือการ **จ่าย** เงิน ไม่มีใคร **ได้รับ** เงินจากการสแกน ถ้ามีคนบอกว่า "สแกนเพื่อรับรางวัล" หรือ "สแกนเพื่อรับเงินคืน" คนนั้นคือมิจฉาชีพ
- อย่าสแกนคิวอาร์ที่คนแปลกหน้าส่งมาทางข้อความ
- ถ้าโอนผิดบัญชี ให้โทรหาศูนย์บริการลูกค้าของธนาคารทันที (หมายเลขอยู่บนบัตรหรือในแอป)
- อย่าให้ใครเช่าหรือยืมบัญชีธนาคารของคุณ บัญชีนั้นอาจถูกใช้เป็น "บัญชีม้า" รับเงินจากการหลอกลวง ซึ่งผิดกฎหมาย

## ต้องการความช่วยเหลือ

ทีมดิจิทัลชุมชนของตำบลช่วยคุณติดตั้งแอปธนาคาร สร้างคิวอาร์รับเงิน และลองโอนเงินจำนวนน้อย ๆ ได้ แต่คุณต้องกดรหัส PIN และรหัส OTP เองทุกครั้ง และไม่บอกใคร
`,
    },
    checklist: {
      title: {
        vi: 'Trả tiền bằng mã QR an toàn',
        en: 'Pay safely by QR code',
        th: 'จ่ายเงินด้วยคิวอาร์อย่างปลอดภัย',
      },
      steps: [
        {
          title: { vi: 'Mở ứng dụng ngân hàng và chọn Quét QR', en: 'Open your bank app and choose Scan QR', th: 'เปิดแอปธนาคารแล้วเลือกสแกนจ่าย' },
        },
        {
          title: { vi: 'Kiểm tra tên người nhận', en: "Check the recipient's name", th: 'ตรวจชื่อผู้รับ' },
          detail: { vi: 'Nếu tên lạ, dừng lại và hỏi người bán.', en: 'If the name looks wrong, stop and ask the seller.', th: 'ถ้าชื่อไม่ตรง ให้หยุดและถามผู้ขายก่อน' },
        },
        {
          title: { vi: 'Kiểm tra số tiền, đếm kỹ các số 0', en: 'Check the amount and count the zeros', th: 'ตรวจจำนวนเงินและนับเลขศูนย์' },
        },
        {
          title: { vi: 'Tự xác nhận bằng mã PIN, vân tay hoặc khuôn mặt', en: 'Confirm yourself with your PIN, fingerprint or face', th: 'ยืนยันด้วยตัวเองด้วยรหัส PIN ลายนิ้วมือ หรือใบหน้า' },
          detail: { vi: 'Không để người khác bấm hộ, không đọc mã OTP cho ai.', en: 'Do not let others tap for you; never read out an OTP code.', th: 'อย่าให้คนอื่นกดแทน และอย่าบอกรหัส OTP กับใคร' },
        },
        {
          title: { vi: 'Lưu biên lai giao dịch thành công', en: 'Keep the receipt of the successful payment', th: 'เก็บสลิปของรายการที่สำเร็จ' },
        },
        {
          title: { vi: 'Người bán: chỉ giao hàng khi điện thoại của mình báo tiền đã vào', en: 'Sellers: hand over goods only when your own phone shows the money arrived', th: 'คนขาย: ส่งของเมื่อโทรศัพท์ของคุณเองแจ้งว่าเงินเข้าแล้วเท่านั้น' },
        },
      ],
    },
  },
  {
    key: 'pay-bills-in-bank-app',
    chapterKey: 'cashless',
    title: {
      vi: 'Trả tiền điện, tiền nước trong ứng dụng ngân hàng',
      en: 'Pay electricity and water bills in your bank app',
    },
    summary: {
      vi: 'Trả hóa đơn điện, nước, internet ngay trong ứng dụng ngân hàng, không cần chờ người thu tiền hay đi xa. Cẩn thận với tin nhắn dọa cắt điện kèm đường link.',
      en: 'Pay electricity, water and internet bills right in your bank app, without waiting for the collector or travelling. Beware of messages threatening to cut your power with a link to click.',
    },
    body: {
      vi: `## Vì sao nên trả hóa đơn trong ứng dụng ngân hàng?

- Không phải chờ người đến thu tiền hay đi đến điểm thu.
- Trả được vào bất cứ lúc nào, kể cả buổi tối và ngày nghỉ.
- Có biên lai điện tử, dễ tra lại khi cần.

Hầu hết ứng dụng ngân hàng đều có mục **Thanh toán hóa đơn**. Tên mục có thể khác nhau một chút giữa các ngân hàng.

## Trả tiền điện

1. Mở ứng dụng ngân hàng, chọn **Thanh toán hóa đơn**, rồi chọn **Tiền điện**.
2. Chọn nhà cung cấp điện nơi bạn ở.
3. Nhập **mã khách hàng**. Mã này in trên hóa đơn tiền điện hoặc trong tin nhắn báo tiền điện của công ty điện lực.
4. Ứng dụng hiện tên chủ hợp đồng và số tiền phải trả. **Kiểm tra đúng tên, đúng kỳ hóa đơn.**
5. Xác nhận thanh toán và lưu biên lai.

## Trả tiền nước, internet, truyền hình

Làm tương tự: chọn đúng loại hóa đơn, đúng nhà cung cấp, nhập mã khách hàng in trên hóa đơn. Nếu công ty nước ở địa phương bạn chưa có trong danh sách, hãy hỏi công ty nước về cách trả khác, hoặc trả tại điểm thu như trước.

## Lưu hóa đơn và trả tự động

Nhiều ứng dụng cho phép **lưu mã khách hàng** để tháng sau không phải nhập lại, hoặc đăng ký **thanh toán tự động** hằng tháng. Nếu dùng thanh toán tự động, hãy nhớ giữ đủ tiền trong tài khoản và xem lại biên lai mỗi tháng.

## Cảnh giác với hóa đơn giả

Kẻ lừa đảo hay giả danh công ty điện, nước:

- Gọi điện hoặc nhắn tin: "Nhà bạn nợ tiền điện, sẽ bị cắt điện trong hôm nay."
- Gửi đường link hoặc bảo bạn cài ứng dụng để "thanh toán" hay "cập nhật thông tin".

**Đừng bấm link, đừng cài ứng dụng lạ.** Chỉ trả tiền trong ứng dụng ngân hàng của bạn, ứng dụng chính thức của công ty điện, nước, hoặc tại điểm thu chính thức. Nếu nghi ngờ, gọi số chăm sóc khách hàng in trên hóa đơn giấy để hỏi.

## Trả hộ người thân

Bạn có thể trả hóa đơn cho bố mẹ, ông bà bằng cách nhập mã khách hàng của họ. Hãy kiểm tra kỹ tên chủ hợp đồng trước khi xác nhận.

## Cần giúp đỡ?

Lần đầu trả hóa đơn, hãy nhờ **tổ công nghệ số cộng đồng** làm cùng. Bạn tự nhập mã PIN và mã OTP; người hướng dẫn không cần biết các mã này.
`,
      en: `## Why pay bills in your bank app?

- No waiting for the collector to come, no trip to a payment point.
- Pay at any time, including evenings and holidays.
- You get an electronic receipt that is easy to look up later.

Almost every bank app has a **Bill payment** (Thanh toán hóa đơn) section. The name can differ a little between banks.

## Paying the electricity bill

1. Open your bank app, choose **Bill payment**, then **Electricity** (Tiền điện).
2. Choose the power company for your area.
3. Type your **customer code** (mã khách hàng). It is printed on your electricity bill or in the billing text message from the power company.
4. The app shows the account holder's name and the amount due. **Check that the name and billing period are right.**
5. Confirm the payment and keep the receipt.

## Water, internet and TV bills

Do the same: choose the right kind of bill and the right company, and type the customer code printed on the bill. If your local water company is not in the list yet, ask the water company about other ways to pay, or pay at a collection point as before.

## Saving bills and paying automatically

Many apps let you **save your customer code** so you need not type it next month, or sign up for **automatic payment** every month. If you use automatic payment, keep enough money in the account and look at the receipt every month.

## Watch out for fake bills

Scammers often pretend to be the power or water company:

- They phone or text: "You owe for electricity; your power will be cut today."
- They send a link, or tell you to install an app, to "pay" or "update your details".

**Do not click the link and do not install unknown apps.** Only pay in your own bank app, the official app of the power or water company, or at an official collection point. If in doubt, call the customer service number printed on your paper bill.

## Paying for your family

You can pay for your parents or grandparents by typing their customer code. Check the account holder's name carefully before you confirm.

## Need help?

For your first bill, ask the **community tech team** to do it with you. You type your own PIN and OTP; the person helping you does not need to know them.
`,
    },
  },

  // ───────────────────────────── Digital economy: selling online ─────────────────────────────
  {
    key: 'sell-on-baan-marketplace',
    chapterKey: 'selling-online',
    title: {
      vi: 'Bán hàng trên chợ Baan của xã',
      en: "Sell on your commune's Baan marketplace",
      th: 'ขายสินค้าบนตลาด Baan ของตำบล',
    },
    summary: {
      vi: 'Tạo hồ sơ người bán, chụp ảnh sản phẩm đẹp, mô tả trung thực và nhận tiền an toàn để đưa hàng của thôn bản đến người mua ở xa.',
      en: "Create a seller profile, take good product photos, describe honestly and get paid safely to bring your village's goods to faraway buyers.",
      th: 'สร้างโปรไฟล์ผู้ขาย ถ่ายรูปสินค้าให้สวย เขียนรายละเอียดตามความจริง และรับเงินอย่างปลอดภัย เพื่อส่งสินค้าของหมู่บ้านไปถึงผู้ซื้อที่อยู่ไกล',
    },
    body: {
      vi: `## Chợ Baan của xã

Trang Baan của xã có mục **Chợ**, nơi người bán trong xã giới thiệu sản phẩm như chè, mật ong, quế, gạo, thổ cẩm, rau quả đến người mua ở thành phố và khách du lịch.

## 1. Tạo hồ sơ người bán

- Nhờ cán bộ xã mời bạn làm **người bán**. Bạn nhận một đường link mời, dùng nó để tạo tài khoản và tự đặt mật khẩu riêng.
- Điền tên gian hàng, thôn bản, vài câu giới thiệu về bạn và sản phẩm, cách liên hệ.
- Người mua thích biết ai làm ra sản phẩm: hãy kể ngắn gọn cách bạn trồng, nuôi hay dệt.

## 2. Chụp ảnh đẹp bằng điện thoại

- Chụp **ban ngày**, gần cửa sổ hoặc ngoài trời chỗ bóng râm. Tránh nắng gắt và đèn vàng.
- Nền đơn giản: tấm vải trơn, mặt bàn gỗ, lá chuối.
- Lau sạch ống kính trước khi chụp.
- Chụp nhiều góc: toàn cảnh, cận cảnh, và một ảnh có vật quen thuộc để người mua thấy kích thước.
- Dùng **ảnh thật** của chính sản phẩm, không lấy ảnh trên mạng.

## 3. Mô tả trung thực

- Ghi rõ tên, khối lượng hoặc thể tích, giá, nơi sản xuất, cách bảo quản, hạn sử dụng.
- Nói rõ điểm chưa hoàn hảo: hàng theo mùa, màu không đều, số lượng có hạn.
- Nếu sản phẩm đã được công nhận **OCOP** (từ 3 sao trở lên), ghi số sao và đăng ảnh giấy chứng nhận. Không ghi sao khi chưa được công nhận.
- Không hứa "chữa bệnh" hay công dụng bạn không chứng minh được.

## 4. Trả lời người mua

- Trả lời sớm, lịch sự, tốt nhất là trong ngày.
- Xác nhận lại đơn hàng: sản phẩm, số lượng, giá, phí vận chuyển, địa chỉ và ngày giao.
- Hết hàng thì báo ngay, đừng để người mua chờ.

## 5. Nhận tiền

- **Thu tiền khi giao hàng** (COD) qua đơn vị vận chuyển; hoặc
- **Chuyển khoản bằng mã QR** (VietQR). Chỉ gửi hàng khi ứng dụng ngân hàng của **chính bạn** báo tiền đã vào.
- Không bao giờ đưa mã OTP cho "người mua" hay "nhân viên sàn". Người mua thật không cần mã OTP của bạn.

## 6. Đóng gói và giao hàng

Đóng gói chắc chắn, chống ẩm, ghi rõ tên và số điện thoại người nhận. Giữ lại mã vận đơn để tra cứu.

## Cần giúp đỡ?

**Tổ công nghệ số cộng đồng** có thể giúp bạn chụp ảnh, viết mô tả và đăng sản phẩm đầu tiên.
`,
      en: `## Your commune's Baan marketplace

Your commune's Baan site has a **Marketplace**, where sellers in the commune show products such as tea, honey, cinnamon, rice, handwoven cloth, fruit and vegetables to buyers in the cities and to visitors.

## 1. Create a seller profile

- Ask a commune official to invite you as a **seller**. You receive an invitation link; use it to create your account and set your own password.
- Fill in your shop name, your village, a few lines about you and your products, and how to contact you.
- Buyers like to know who made what they buy: say briefly how you grow, raise or weave it.

## 2. Take good photos with your phone

- Take photos **in daylight**, near a window or outdoors in the shade. Avoid harsh sun and yellow lamps.
- Use a simple background: plain cloth, a wooden table, a banana leaf.
- Wipe the camera lens first.
- Take several angles: the whole product, a close-up, and one next to a familiar object so buyers see the size.
- Use **real photos** of your own product, never pictures copied from the internet.

## 3. Describe it honestly

- Give the name, weight or volume, price, where it is made, how to store it and the best-before date.
- Say what is not perfect: seasonal supply, uneven colour, limited quantity.
- If your product is certified under **OCOP** in Vietnam (3 stars or more) or selected as an **OTOP** star product in Thailand, give the stars and post a photo of the certificate. Never claim stars you do not have.
- Do not promise it "cures" anything or has effects you cannot prove.

## 4. Answer buyers

- Reply soon and politely, ideally the same day.
- Confirm each order: product, quantity, price, delivery cost, address and delivery date.
- If you run out, say so at once rather than keep the buyer waiting.

## 5. Getting paid

- **Cash on delivery** (COD) through the delivery company; or
- **Bank transfer by QR code** (VietQR in Vietnam, PromptPay in Thailand). Only send the goods when **your own** bank app shows the money has arrived.
- Never give an OTP code to a "buyer" or "marketplace staff". Real buyers never need your OTP.

## 6. Pack and ship

Pack firmly and keep moisture out. Write the receiver's name and phone number clearly. Keep the tracking number.

## Need help?

The **community tech team** can help you take photos, write descriptions and post your first product.
`,
      th: `## ตลาด Baan ของตำบล

เว็บไซต์ Baan ของตำบลมีหน้า **ตลาด** ให้ผู้ขายในตำบลแนะนำสินค้า เช่น ชา น้ำผึ้ง ข้าว ผ้าทอ ผักและผลไม้ ไปถึงผู้ซื้อในเมืองและนักท่องเที่ยว

## 1. สร้างโปรไฟล์ผู้ขาย

- ขอให้เจ้าหน้าที่ของตำบลเชิญคุณเป็น **ผู้ขาย** คุณจะได้รับลิงก์คำเชิญ ใช้ลิงก์นั้นสร้างบัญชีและตั้งรหัสผ่านของคุณเอง
- ใส่ชื่อร้าน ชื่อหมู่บ้าน เล่าเรื่องสั้น ๆ เกี่ยวกับตัวคุณและสินค้า และช่องทางติดต่อ
- ผู้ซื้อชอบรู้ว่าใครเป็นคนทำ เล่าสั้น ๆ ว่าคุณปลูก เลี้ยง หรือทออย่างไร

## 2. ถ่ายรูปให้สวยด้วยโทรศัพท์

- ถ่าย **ตอนกลางวัน** ใกล้หน้าต่าง หรือกลางแจ้งในที่ร่ม หลีกเลี่ยงแดดจัดและไฟสีเหลือง
- ใช้พื้นหลังเรียบ ๆ เช่น ผ้าสีพื้น โต๊ะไม้ ใบตอง
- เช็ดเลนส์กล้องก่อนถ่าย
- ถ่ายหลายมุม ทั้งภาพรวม ภาพใกล้ และภาพที่มีของคุ้นตาวางข้าง ๆ ให้เห็นขนาด
- ใช้ **รูปจริง** ของสินค้าคุณเอง ไม่เอารูปจากอินเทอร์เน็ต

## 3. เขียนรายละเอียดตามความจริง

- บอกชื่อสินค้า น้ำหนักหรือปริมาณ ราคา แหล่งผลิต วิธีเก็บรักษา และวันหมดอายุ
- บอกข้อจำกัดตรง ๆ เช่น มีเฉพาะฤดู สีไม่สม่ำเสมอ มีจำนวนจำกัด
- ถ้าสินค้าของคุณได้รับการคัดสรรเป็น **OTOP** ระดับดาว ให้บอกจำนวนดาวและแสดงรูปใบรับรอง อย่าอ้างดาวที่ยังไม่ได้รับ
- อย่าโฆษณาว่า "รักษาโรค" หรืออ้างสรรพคุณที่พิสูจน์ไม่ได้

## 4. ตอบลูกค้า

- ตอบเร็วและสุภาพ ถ้าได้ควรตอบภายในวันเดียวกัน
- ยืนยันคำสั่งซื้อทุกครั้ง: สินค้า จำนวน ราคา ค่าส่ง ที่อยู่ และวันส่ง
- ถ้าของหมด ให้บอกลูกค้าทันที อย่าปล่อยให้รอ

## 5. รับเงิน

- **เก็บเงินปลายทาง** ผ่านบริษัทขนส่ง หรือ
- **โอนผ่านพร้อมเพย์หรือคิวอาร์โค้ด** ส่งของเมื่อแอปธนาคารของ **คุณเอง** แจ้งว่าเงินเข้าแล้วเท่านั้น
- อย่าให้รหัส OTP กับ "ผู้ซื้อ" หรือ "เจ้าหน้าที่ตลาด" ผู้ซื้อตัวจริงไม่ต้องใช้รหัส OTP ของคุณ

## 6. แพ็กและส่งของ

แพ็กให้แน่นหนา กันความชื้น เขียนชื่อและเบอร์โทรผู้รับให้ชัด เก็บเลขพัสดุไว้ติดตาม

## ต้องการความช่วยเหลือ

**ทีมดิจิทัลชุมชน** ช่วยคุณถ่ายรูป เขียนรายละเอียด และลงขายสินค้าชิ้นแรกได้
`,
    },
    checklist: {
      title: {
        vi: 'Bắt đầu bán hàng trên Baan',
        en: 'Start selling on Baan',
        th: 'เริ่มขายของบน Baan',
      },
      steps: [
        {
          title: { vi: 'Nhờ cán bộ xã mời bạn làm người bán', en: 'Ask a commune official to invite you as a seller', th: 'ขอให้เจ้าหน้าที่ตำบลเชิญคุณเป็นผู้ขาย' },
        },
        {
          title: { vi: 'Mở đường link mời, tạo tài khoản với mật khẩu riêng', en: 'Open the invitation link and create your account with your own password', th: 'เปิดลิงก์คำเชิญ แล้วสร้างบัญชีด้วยรหัสผ่านของคุณเอง' },
        },
        {
          title: { vi: 'Điền hồ sơ người bán: tên gian hàng, thôn bản, câu chuyện, liên hệ', en: 'Fill in your seller profile: shop name, village, your story, contact', th: 'กรอกโปรไฟล์ผู้ขาย: ชื่อร้าน หมู่บ้าน เรื่องราว ช่องทางติดต่อ' },
        },
        {
          title: { vi: 'Chụp 3 đến 5 ảnh thật, đủ sáng cho mỗi sản phẩm', en: 'Take 3 to 5 real, well-lit photos of each product', th: 'ถ่ายรูปจริงที่สว่างพอ 3 ถึง 5 รูปต่อสินค้าหนึ่งชิ้น' },
        },
        {
          title: { vi: 'Viết mô tả trung thực, ghi sao OCOP nếu đã được công nhận', en: 'Write an honest description; add OCOP or OTOP stars only if certified', th: 'เขียนรายละเอียดตามจริง ใส่ดาว OTOP เฉพาะเมื่อได้รับการรับรองแล้ว' },
        },
        {
          title: { vi: 'Chọn cách nhận tiền: thu khi giao hàng hoặc mã QR ngân hàng', en: 'Choose how to get paid: cash on delivery or bank QR', th: 'เลือกวิธีรับเงิน: เก็บเงินปลายทาง หรือคิวอาร์/พร้อมเพย์' },
        },
        {
          title: { vi: 'Trả lời người mua trong ngày và xác nhận lại từng đơn', en: 'Answer buyers the same day and confirm every order', th: 'ตอบผู้ซื้อภายในวันเดียวกันและยืนยันทุกคำสั่งซื้อ' },
        },
      ],
    },
  },

  // ─────────────────────────────── Digital society: online safety ───────────────────────────────
  {
    key: 'recognise-scams',
    chapterKey: 'online-safety',
    title: {
      vi: 'Nhận biết và phòng tránh lừa đảo qua điện thoại, tin nhắn',
      en: 'Recognise phone and message scams',
      th: 'รู้ทันมิจฉาชีพทางโทรศัพท์และข้อความ',
    },
    summary: {
      vi: 'Những chiêu lừa đảo hay gặp ở nông thôn, dấu hiệu nhận biết và việc cần làm ngay: cúp máy, hỏi tổ công nghệ số, báo ngân hàng và công an.',
      en: 'The scams villagers meet most often, the warning signs, and what to do at once: hang up, ask the tech team, tell your bank and the police.',
      th: 'กลโกงที่พบบ่อย สัญญาณเตือน และสิ่งที่ต้องทำทันที: วางสาย ถามทีมดิจิทัลชุมชน แจ้งธนาคารและตำรวจ',
    },
    body: {
      vi: `## Những chiêu lừa hay gặp

- **Giả danh công an, viện kiểm sát, tòa án, cán bộ** gọi điện: nói bạn liên quan đến một vụ án, đòi bạn chuyển tiền "để xác minh" hoặc cài một ứng dụng.
- **Giả danh nhân viên điện lực, bảo hiểm, nhà mạng**: dọa cắt điện, khóa số điện thoại, khóa thẻ bảo hiểm nếu không làm theo.
- **Tin nhắn giả ngân hàng** kèm đường link: "tài khoản bị khóa", "cần cập nhật thông tin". Link dẫn đến trang giả để lấy mật khẩu và mã OTP.
- **"Bạn đã trúng thưởng"**: đòi nộp "phí", "thuế" trước khi nhận quà.
- **Hỏi mã OTP**: bất kỳ ai hỏi mã OTP của bạn đều là lừa đảo.
- **Cài ứng dụng điều khiển từ xa**, hoặc ứng dụng "dịch vụ công", "ngân hàng" giả qua đường link. Kẻ gian sẽ điều khiển điện thoại và lấy sạch tiền trong tài khoản.
- **Tài khoản Zalo, Facebook của người quen bị chiếm**, nhắn tin vay tiền gấp.
- **Việc nhẹ lương cao**, làm nhiệm vụ "bấm thích" nhận hoa hồng, đầu tư lãi cao.

## Dấu hiệu nhận biết

Gấp gáp, đe dọa, bắt giữ bí mật ("không được nói với ai"), đòi chuyển tiền, đòi mã OTP, bảo cài ứng dụng hoặc bấm link lạ.

**Hãy nhớ:** Cơ quan công an không làm việc qua điện thoại để yêu cầu người dân chuyển tiền. Ngân hàng không bao giờ hỏi mật khẩu hay mã OTP của bạn.

## Khi nhận cuộc gọi, tin nhắn đáng ngờ

1. **Cúp máy.** Không bấm link, không cài gì, không chuyển tiền.
2. Hỏi người thân hoặc **tổ công nghệ số cộng đồng** của thôn.
3. Nếu muốn kiểm tra, tự gọi lại cơ quan đó bằng số bạn biết chắc (in trên hóa đơn, trên thẻ ngân hàng) hoặc đến trực tiếp.

## Nếu lỡ bị lừa

- **Gọi ngay tổng đài ngân hàng** (số in trên thẻ hoặc trong ứng dụng), đề nghị khóa tài khoản, tạm dừng giao dịch. Càng nhanh càng tốt.
- Đổi mật khẩu, gỡ ứng dụng lạ, nhờ người có hiểu biết kiểm tra điện thoại.
- Trình báo **công an xã**, mang theo bằng chứng: ảnh chụp tin nhắn, số điện thoại, số tài khoản đã chuyển tiền, biên lai.
- Báo cáo trên cổng cảnh báo lừa đảo quốc gia [canhbao.khonggianmang.vn](https://canhbao.khonggianmang.vn) để cảnh báo người khác.

Đừng xấu hổ. Kẻ lừa đảo rất chuyên nghiệp, ai cũng có thể bị lừa. Báo càng sớm, càng có cơ hội ngăn thiệt hại.
`,
      en: `## Common scams

- **People pretending to be police, prosecutors, courts or officials** phone you: they say you are involved in a criminal case and ask you to transfer money "for verification" or to install an app.
- **Fake electricity, insurance or phone-company staff** threaten to cut your power, block your SIM or cancel your insurance unless you do as they say.
- **Fake bank text messages** with a link: "your account is locked", "update your details". The link opens a fake page that steals your password and OTP code.
- **"You have won a prize"**: you must pay a "fee" or "tax" first.
- **Requests for your OTP code**: anyone who asks for it is a scammer.
- **Remote-control apps**, or fake "public service" or "bank" apps installed from a link. The scammer then controls your phone and empties your account.
- **A friend's hacked Zalo or Facebook account** asks to borrow money urgently.
- **Easy jobs with high pay**, "like" tasks for commission, investments with high returns.

## Warning signs

Hurry, threats, secrecy ("don't tell anyone"), requests to transfer money, requests for an OTP, being told to install an app or open a strange link.

**Remember:** the police do not work over the phone to ask people to transfer money. Your bank never asks for your password or OTP.

## When you get a suspicious call or message

1. **Hang up.** Do not click links, install anything or transfer money.
2. Ask a family member or your village's **community tech team**.
3. To check, call the organisation yourself on a number you know is real (printed on your bill or bank card), or go there in person.

## If you have been tricked

- **Call your bank's hotline at once** (the number is on your card or in the app) and ask them to block the account and stop transactions. The faster the better.
- Change your passwords, remove unknown apps, and have someone you trust check your phone.
- Report to the **police**, bringing evidence: screenshots of messages, phone numbers, the account you sent money to, receipts.
- In Vietnam, also report on the national anti-fraud warning portal [canhbao.khonggianmang.vn](https://canhbao.khonggianmang.vn) to warn others.

Do not feel ashamed. Scammers are professionals; anyone can be fooled. The sooner you report, the better the chance to limit the damage.
`,
      th: `## กลโกงที่พบบ่อย

- **แก๊งคอลเซ็นเตอร์แอบอ้างเป็นตำรวจ เจ้าหน้าที่รัฐ หรือศาล** โทรมาบอกว่าคุณพัวพันกับคดี มีพัสดุผิดกฎหมาย แล้วให้โอนเงิน "เพื่อตรวจสอบ" หรือให้ติดตั้งแอป
- **แอบอ้างเป็นการไฟฟ้า สรรพากร บริษัทประกัน หรือค่ายมือถือ** ขู่ว่าจะตัดไฟ ระงับเบอร์ หรือต้องจ่ายเงินคืน ถ้าไม่ทำตาม
- **SMS ปลอมจากธนาคาร** มีลิงก์แนบมา เช่น "บัญชีถูกระงับ" "กรุณายืนยันข้อมูล" ลิงก์จะพาไปหน้าเว็บปลอมเพื่อขโมยรหัสผ่านและรหัส OTP
- **"คุณได้รับรางวัล"** แต่ต้องจ่าย "ค่าธรรมเนียม" หรือ "ภาษี" ก่อน
- **ขอรหัส OTP** ใครก็ตามที่ขอรหัส OTP ของคุณคือมิจฉาชีพ
- **ให้ติดตั้งแอปควบคุมเครื่องจากระยะไกล** หรือแอปปลอมจากลิงก์ (แอปดูดเงิน) มิจฉาชีพจะควบคุมโทรศัพท์และโอนเงินออกจากบัญชีของคุณจนหมด
- **บัญชี LINE หรือ Facebook ของคนรู้จักถูกแฮ็ก** แล้วส่งข้อความมายืมเงินด่วน
- **งานง่ายรายได้ดี** กดไลก์รับค่าคอมมิชชัน หรือชวนลงทุนได้ผลตอบแทนสูง

## สัญญาณเตือน

เร่งรีบ ข่มขู่ บอกให้เก็บเป็นความลับ ("ห้ามบอกใคร") ให้โอนเงิน ขอรหัส OTP ให้ติดตั้งแอปหรือกดลิงก์แปลก ๆ

**จำไว้:** ตำรวจไม่ให้ประชาชนโอนเงินเพื่อตรวจสอบทางโทรศัพท์ ธนาคารไม่เคยขอรหัสผ่านหรือรหัส OTP ของคุณ

## เมื่อได้รับสายหรือข้อความที่น่าสงสัย

1. **วางสาย** ไม่กดลิงก์ ไม่ติดตั้งอะไร ไม่โอนเงิน
2. ถามคนในครอบครัว หรือ **ทีมดิจิทัลชุมชน** ของหมู่บ้าน
3. ถ้าอยากตรวจสอบ ให้โทรกลับหน่วยงานนั้นเองด้วยเบอร์ที่แน่ใจว่าถูกต้อง (เบอร์บนใบแจ้งหนี้หรือบนบัตรธนาคาร) หรือไปติดต่อด้วยตัวเอง

## ถ้าพลาดถูกหลอกไปแล้ว

- **โทรหาศูนย์บริการลูกค้าของธนาคารทันที** (เบอร์อยู่บนบัตรหรือในแอป) ขอให้อายัดบัญชีและระงับรายการ ยิ่งเร็วยิ่งดี
- เปลี่ยนรหัสผ่าน ลบแอปแปลกปลอม และให้คนที่ไว้ใจช่วยตรวจโทรศัพท์
- **แจ้งความกับตำรวจ** พร้อมหลักฐาน เช่น ภาพหน้าจอข้อความ เบอร์โทร เลขบัญชีที่โอนเงินไป และสลิป
- บอกเพื่อนบ้านและคนในครอบครัว เพื่อไม่ให้ใครโดนหลอกซ้ำ

อย่าอาย มิจฉาชีพเป็นมืออาชีพ ใครก็โดนหลอกได้ ยิ่งแจ้งเร็ว ยิ่งมีโอกาสหยุดความเสียหาย
`,
    },
    checklist: {
      title: {
        vi: 'Khi nhận cuộc gọi hoặc tin nhắn đáng ngờ',
        en: 'When you get a suspicious call or message',
        th: 'เมื่อได้รับสายหรือข้อความที่น่าสงสัย',
      },
      steps: [
        {
          title: { vi: 'Không chuyển tiền, không đọc mã OTP', en: 'Do not transfer money or read out any OTP', th: 'ไม่โอนเงิน ไม่บอกรหัส OTP' },
        },
        {
          title: { vi: 'Cúp máy, không bấm link, không cài ứng dụng', en: 'Hang up; do not click links or install apps', th: 'วางสาย ไม่กดลิงก์ ไม่ติดตั้งแอป' },
        },
        {
          title: { vi: 'Hỏi người thân hoặc tổ công nghệ số cộng đồng', en: 'Ask family or the community tech team', th: 'ถามคนในครอบครัวหรือทีมดิจิทัลชุมชน' },
        },
        {
          title: { vi: 'Tự gọi lại cơ quan bằng số chính thức bạn biết chắc', en: 'Call the organisation yourself on an official number you trust', th: 'โทรกลับหน่วยงานเองด้วยเบอร์ทางการที่แน่ใจ' },
        },
        {
          title: { vi: 'Nếu đã chuyển tiền: gọi ngay tổng đài ngân hàng để khóa tài khoản', en: 'If you already paid: call your bank at once to block the account', th: 'ถ้าโอนเงินไปแล้ว: โทรหาธนาคารทันทีเพื่ออายัดบัญชี' },
        },
        {
          title: { vi: 'Trình báo công an, mang theo bằng chứng', en: 'Report to the police with your evidence', th: 'แจ้งความกับตำรวจพร้อมหลักฐาน' },
        },
        {
          title: { vi: 'Cảnh báo người thân và hàng xóm', en: 'Warn your family and neighbours', th: 'เตือนคนในครอบครัวและเพื่อนบ้าน' },
        },
      ],
    },
  },
  {
    key: 'protect-personal-data',
    chapterKey: 'online-safety',
    title: {
      vi: 'Bảo vệ dữ liệu cá nhân của bạn',
      en: 'Protect your personal data',
      th: 'ปกป้องข้อมูลส่วนบุคคลของคุณ',
    },
    summary: {
      vi: 'Ảnh thẻ căn cước, mã OTP, mật khẩu là những thứ kẻ gian muốn có nhất. Biết cái gì không được chia sẻ và làm gì khi thông tin bị lộ.',
      en: 'Photos of your ID card, OTP codes and passwords are what criminals want most. Learn what never to share and what to do if your data leaks.',
      th: 'รูปบัตรประชาชน รหัส OTP และรหัสผ่าน คือสิ่งที่มิจฉาชีพต้องการมากที่สุด รู้ว่าอะไรห้ามแชร์ และต้องทำอย่างไรเมื่อข้อมูลรั่วไหล',
    },
    body: {
      vi: `## Dữ liệu cá nhân là gì?

Là những thông tin cho biết bạn là ai: họ tên, ngày sinh, số căn cước, số điện thoại, địa chỉ, ảnh khuôn mặt, vân tay, số tài khoản ngân hàng, thông tin sức khỏe. Kẻ gian dùng chúng để vay tiền online mạo danh bạn, mở tài khoản giả, hoặc lừa người thân của bạn.

## Những thứ không bao giờ chia sẻ

- **Ảnh chụp hai mặt thẻ căn cước**: không gửi qua Zalo, Facebook cho người lạ, không đăng lên mạng.
- **Ảnh bạn cầm thẻ căn cước** chụp cạnh khuôn mặt: đây là thứ kẻ gian dùng để mở tài khoản mạo danh.
- **Mã OTP, mật khẩu, mã PIN**, mã passcode VNeID: không đưa cho ai, kể cả người xưng là công an, ngân hàng hay người thân nhắn tin.

## Khi buộc phải đưa giấy tờ

- Hỏi rõ giấy tờ dùng để làm gì, ai giữ.
- Nếu phải đưa bản photo, hãy viết ngang lên bản photo: "Chỉ dùng để... ngày...". Như vậy bản photo khó bị dùng vào việc khác.
- Làm thủ tục hành chính qua kênh chính thức: Cổng Dịch vụ công, ứng dụng VNeID, bộ phận một cửa của xã.

## Trên mạng xã hội

- Không đăng ảnh vé máy bay, hóa đơn, giấy tờ có mã vạch hay mã QR.
- Hạn chế đăng thông tin về con nhỏ: tên trường, lớp, giờ đưa đón.
- Không đăng khi cả nhà đi vắng lâu ngày.
- Xem lại phần **quyền riêng tư**: ai được xem bài của bạn, ai tìm được bạn qua số điện thoại.
- Cẩn thận với trò chơi, khảo sát hỏi ngày sinh, tên mẹ, tên con vật nuôi: đó thường là câu hỏi khôi phục mật khẩu.

## Pháp luật nói gì?

Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân quy định dữ liệu cá nhân chỉ được xử lý khi có căn cứ, trong nhiều trường hợp phải có sự đồng ý của chính người đó. Bạn có quyền được biết dữ liệu của mình được dùng vào việc gì. Việc mua bán dữ liệu cá nhân trái phép bị cấm. Các quy định về bảo vệ dữ liệu cá nhân vẫn đang tiếp tục được hoàn thiện; khi cần, hãy hỏi cán bộ tư pháp của xã.

## Khi thông tin bị lộ

- Đổi mật khẩu các tài khoản quan trọng, bật xác thực 2 bước.
- Báo ngân hàng nếu lộ số thẻ, số tài khoản, mã OTP.
- Báo cho người thân để họ cảnh giác khi có người mạo danh bạn.
- Nếu bị mạo danh vay tiền hay bị đòi nợ vô lý, trình báo công an xã.

Không chắc điều gì? Hỏi **tổ công nghệ số cộng đồng** trước khi gửi giấy tờ cho bất kỳ ai.
`,
      en: `## What is personal data?

It is any information that shows who you are: your name, date of birth, ID number, phone number, address, face photo, fingerprints, bank account number and health information. Criminals use it to take out online loans in your name, open fake accounts, or trick your relatives.

## What never to share

- **Photos of both sides of your ID card**: never send them by Zalo, LINE or Facebook to strangers, never post them online.
- **A photo of you holding your ID card** next to your face: criminals use this to open accounts in your name.
- **OTP codes, passwords, PINs**, your VNeID passcode: give them to nobody, even someone who says they are the police, the bank, or a relative sending a message.

## When you must hand over documents

- Ask what the document is for and who will keep it.
- If you give a photocopy, write across it: "Only for ... , date ...". This makes it hard to reuse for anything else.
- Do official procedures through official channels: the National Public Service Portal, the VNeID app, or the commune's one-stop office.

## On social media

- Do not post photos of tickets, bills, or documents with a barcode or QR code.
- Share little about young children: their school, class, pick-up times.
- Do not post that the whole family is away for a long time.
- Review your **privacy settings**: who sees your posts, who can find you by phone number.
- Be careful with games and quizzes asking for your birthday, mother's name or pet's name: these are often password-recovery questions.

## What does the law say?

In Vietnam, Decree 13/2023/NĐ-CP on personal data protection says personal data may only be processed on a legal basis, in many cases with the person's own consent. You have the right to know what your data is used for, and illegally buying and selling personal data is forbidden. The rules are still being developed; ask the commune's justice officer when you need details. In Thailand, the Personal Data Protection Act (PDPA) gives similar rights.

## If your data has leaked

- Change the passwords of important accounts and turn on 2-step verification.
- Tell your bank if your card number, account number or OTP was exposed.
- Warn your relatives so they are careful if someone pretends to be you.
- If someone borrows money in your name or you get unfair debt demands, report it to the police.

Not sure? Ask the **community tech team** before you send documents to anyone.
`,
      th: `## ข้อมูลส่วนบุคคลคืออะไร

คือข้อมูลที่บอกได้ว่าคุณเป็นใคร เช่น ชื่อ-นามสกุล วันเกิด เลขบัตรประชาชน เบอร์โทร ที่อยู่ รูปใบหน้า ลายนิ้วมือ เลขบัญชีธนาคาร และข้อมูลสุขภาพ มิจฉาชีพนำข้อมูลเหล่านี้ไปกู้เงินออนไลน์ในชื่อคุณ เปิดบัญชีปลอม หรือหลอกคนในครอบครัวของคุณ

## สิ่งที่ไม่ควรแชร์เด็ดขาด

- **รูปถ่ายบัตรประชาชนทั้งด้านหน้าและด้านหลัง** อย่าส่งทาง LINE หรือ Facebook ให้คนแปลกหน้า และอย่าโพสต์ลงโซเชียล
- **รูปคุณถือบัตรประชาชนคู่กับใบหน้า** มิจฉาชีพใช้รูปแบบนี้เปิดบัญชีในชื่อคุณ
- **รหัส OTP รหัสผ่าน และรหัส PIN** ห้ามให้ใคร แม้คนนั้นจะอ้างว่าเป็นตำรวจ ธนาคาร หรือญาติที่ส่งข้อความมา

## เมื่อจำเป็นต้องให้สำเนาเอกสาร

- ถามให้ชัดว่าจะนำไปใช้ทำอะไร และใครเป็นคนเก็บ
- **ขีดคร่อมสำเนาบัตรประชาชน** และเขียนกำกับว่า "ใช้เพื่อ... เท่านั้น" พร้อมวันที่ เพื่อไม่ให้ถูกนำไปใช้อย่างอื่น
- ติดต่องานราชการผ่านช่องทางทางการ หรือที่ที่ทำการขององค์กรปกครองส่วนท้องถิ่น

## บนโซเชียลมีเดีย

- อย่าโพสต์รูปตั๋ว ใบเสร็จ หรือเอกสารที่มีบาร์โค้ดหรือคิวอาร์โค้ด
- โพสต์เรื่องลูกหลานให้น้อย เช่น ชื่อโรงเรียน ห้องเรียน เวลารับส่ง
- อย่าโพสต์บอกว่าทั้งบ้านไม่อยู่หลายวัน
- ตรวจ **การตั้งค่าความเป็นส่วนตัว** ว่าใครเห็นโพสต์ของคุณ และใครค้นหาคุณด้วยเบอร์โทรได้
- ระวังเกมหรือแบบสอบถามที่ถามวันเกิด ชื่อแม่ หรือชื่อสัตว์เลี้ยง เพราะมักเป็นคำถามที่ใช้กู้คืนรหัสผ่าน

## กฎหมายว่าอย่างไร

ประเทศไทยมี **พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 (PDPA)** ซึ่งกำหนดว่าการเก็บและใช้ข้อมูลส่วนบุคคลต้องมีฐานทางกฎหมาย หลายกรณีต้องได้รับความยินยอมจากเจ้าของข้อมูล และเจ้าของข้อมูลมีสิทธิรู้ว่าข้อมูลของตนถูกนำไปใช้ทำอะไร

## เมื่อข้อมูลรั่วไหล

- เปลี่ยนรหัสผ่านบัญชีสำคัญ และเปิดการยืนยันตัวตนสองขั้นตอน
- แจ้งธนาคารถ้าเลขบัตร เลขบัญชี หรือรหัส OTP หลุดออกไป
- บอกคนในครอบครัวให้ระวัง ถ้ามีคนแอบอ้างเป็นคุณ
- ถ้ามีคนกู้เงินในชื่อคุณหรือถูกทวงหนี้ที่ไม่ได้ก่อ ให้แจ้งความกับตำรวจ

ไม่แน่ใจ ให้ถาม **ทีมดิจิทัลชุมชน** ก่อนส่งเอกสารให้ใคร
`,
    },
  },
  {
    key: 'strong-passwords-two-step-verification',
    chapterKey: 'online-safety',
    title: {
      vi: 'Mật khẩu mạnh và xác thực 2 bước',
      en: 'Strong passwords and 2-step verification',
      th: 'รหัสผ่านที่ปลอดภัยและการยืนยันตัวตนสองขั้นตอน',
    },
    summary: {
      vi: 'Một mật khẩu dài, khác nhau cho mỗi tài khoản quan trọng, cộng với xác thực 2 bước, sẽ chặn được phần lớn các vụ chiếm tài khoản.',
      en: 'A long password, different for each important account, plus 2-step verification, stops most account takeovers.',
      th: 'รหัสผ่านยาว ๆ ที่ไม่ซ้ำกันในแต่ละบัญชีสำคัญ บวกกับการยืนยันตัวตนสองขั้นตอน ช่วยป้องกันบัญชีถูกขโมยได้เกือบทั้งหมด',
    },
    body: {
      vi: `## Vì sao mật khẩu quan trọng?

Tài khoản ngân hàng, email, Zalo, Facebook, VNeID đều được khóa bằng mật khẩu. Nếu mật khẩu dễ đoán, kẻ gian có thể vào tài khoản, nhắn tin lừa người thân bạn hoặc lấy tiền.

## Thế nào là mật khẩu mạnh?

- **Dài**: ít nhất 12 ký tự. Càng dài càng khó đoán.
- **Dễ nhớ với bạn, khó đoán với người khác**: ghép vài từ không liên quan với nhau, thêm số và dấu. Ví dụ cách làm: ghép tên một loại cây, một con vật, một con suối, thêm vài chữ số. Đừng dùng đúng ví dụ trong sổ tay này.
- **Không dùng**: ngày sinh, số điện thoại, tên con, tên làng, "123456", "matkhau".
- **Mỗi tài khoản quan trọng một mật khẩu khác nhau.** Nếu một trang bị lộ, các tài khoản khác vẫn an toàn.

Nếu khó nhớ, bạn có thể ghi vào một cuốn sổ cất kỹ ở nhà, không để trong ví hay dán lên điện thoại. Làm vậy vẫn an toàn hơn dùng một mật khẩu cho mọi thứ.

## Xác thực 2 bước là gì?

Là thêm một lớp khóa thứ hai. Ngoài mật khẩu, khi đăng nhập trên máy lạ, bạn phải nhập thêm một **mã gửi về điện thoại**, xác nhận trên ứng dụng, hoặc dùng vân tay. Kẻ gian có biết mật khẩu cũng không vào được nếu không cầm điện thoại của bạn.

Nên bật xác thực 2 bước cho:

- **Email** (ví dụ Gmail: vào Tài khoản Google, mục Bảo mật, bật **Xác minh 2 bước**).
- **Facebook** và **Zalo** (trong phần cài đặt bảo mật, nếu phiên bản của bạn có).
- **Ứng dụng ngân hàng**: dùng **Smart OTP** hoặc xác thực sinh trắc học theo hướng dẫn của ngân hàng.

Tên các mục cài đặt có thể khác một chút tùy phiên bản.

## Giữ số điện thoại và email khôi phục luôn đúng

Số điện thoại phải là số **chính chủ** mà bạn đang dùng. Khi đổi số, hãy cập nhật trong các tài khoản trước khi bỏ số cũ.

## Quy tắc vàng

**Mã OTP chỉ dành cho bạn.** Không ai, dù là nhân viên ngân hàng, công an hay bạn bè, có lý do chính đáng để hỏi mã này.

## Dấu hiệu tài khoản bị chiếm

Bạn bè nhận được tin nhắn lạ từ bạn, có thông báo đăng nhập từ thiết bị lạ, mật khẩu bỗng không dùng được. Hãy đổi mật khẩu ngay, đăng xuất các thiết bị lạ và báo cho bạn bè biết. **Tổ công nghệ số cộng đồng** có thể giúp bạn.
`,
      en: `## Why do passwords matter?

Your bank, email, Zalo, Facebook and VNeID accounts are all locked with a password. If the password is easy to guess, a criminal can get in, send scam messages to your relatives or take your money.

## What is a strong password?

- **Long**: at least 12 characters. The longer, the harder to guess.
- **Easy for you to remember, hard for others to guess**: join a few unrelated words and add numbers and symbols. For example, join the name of a tree, an animal and a stream, plus a few digits. Do not use the exact example from this handbook.
- **Never use**: your birthday, phone number, child's name, village name, "123456" or "password".
- **A different password for each important account.** If one site leaks, your other accounts stay safe.

If it is hard to remember, you may write your passwords in a notebook kept safely at home, not in your wallet or stuck to your phone. That is still safer than using one password for everything.

## What is 2-step verification?

It adds a second lock. Besides your password, when someone signs in on a new device they must also enter a **code sent to your phone**, approve it in an app, or use a fingerprint. Even if a criminal knows your password, they cannot get in without your phone.

Turn on 2-step verification for:

- **Email** (for Gmail: open your Google Account, go to Security and turn on **2-Step Verification**).
- **Facebook**, **Zalo** and **LINE** (in the security settings, if your version has it).
- **Bank apps**: use **Smart OTP** or biometric confirmation as your bank explains.

Setting names can differ a little between versions.

## Keep your recovery phone and email up to date

Your phone number must be one **registered in your own name** that you still use. When you change numbers, update your accounts before giving up the old one.

## The golden rule

**Your OTP code is for you alone.** Nobody, not bank staff, police or friends, has a good reason to ask for it.

## Signs your account was taken

Friends receive strange messages from you, you see sign-in alerts from unknown devices, or your password suddenly stops working. Change the password at once, sign out unknown devices and tell your friends. The **community tech team** can help you.
`,
      th: `## ทำไมรหัสผ่านจึงสำคัญ

บัญชีธนาคาร อีเมล LINE และ Facebook ของคุณล็อกไว้ด้วยรหัสผ่าน ถ้ารหัสผ่านเดาง่าย มิจฉาชีพอาจเข้าบัญชีได้ แล้วส่งข้อความหลอกคนในครอบครัวคุณ หรือเอาเงินของคุณไป

## รหัสผ่านที่ปลอดภัยเป็นแบบไหน

- **ยาว** อย่างน้อย 12 ตัวอักษร ยิ่งยาวยิ่งเดายาก
- **คุณจำง่าย แต่คนอื่นเดายาก** นำคำหลายคำที่ไม่เกี่ยวกันมาต่อกัน แล้วเติมตัวเลขและสัญลักษณ์ เช่น ชื่อต้นไม้ ชื่อสัตว์ ชื่อลำห้วย และตัวเลขสองสามตัว แต่อย่าใช้ตัวอย่างในคู่มือนี้ตรง ๆ
- **ห้ามใช้** วันเกิด เบอร์โทร ชื่อลูก ชื่อหมู่บ้าน หรือ "123456"
- **บัญชีสำคัญแต่ละบัญชีใช้รหัสผ่านไม่ซ้ำกัน** ถ้าเว็บหนึ่งข้อมูลรั่ว บัญชีอื่นก็ยังปลอดภัย

ถ้าจำยาก ให้จดไว้ในสมุดที่เก็บอย่างดีในบ้าน ไม่ใส่ไว้ในกระเป๋าสตางค์หรือแปะไว้ที่โทรศัพท์ ซึ่งยังปลอดภัยกว่าใช้รหัสเดียวกับทุกบัญชี

## การยืนยันตัวตนสองขั้นตอนคืออะไร

คือการเพิ่มกุญแจชั้นที่สอง นอกจากรหัสผ่านแล้ว เมื่อมีการเข้าสู่ระบบจากเครื่องใหม่ ต้องใส่ **รหัสที่ส่งมาที่โทรศัพท์** กดยืนยันในแอป หรือใช้ลายนิ้วมือ แม้มิจฉาชีพจะรู้รหัสผ่าน ก็เข้าไม่ได้ถ้าไม่มีโทรศัพท์ของคุณ

ควรเปิดใช้กับ

- **อีเมล** (Gmail: เข้าบัญชี Google เลือกความปลอดภัย แล้วเปิด **การยืนยันแบบ 2 ขั้นตอน**)
- **Facebook** และ **LINE** (ในการตั้งค่าความปลอดภัย ถ้าเวอร์ชันของคุณมี)
- **แอปธนาคาร** ตั้งรหัส PIN ที่เดายาก และใช้การยืนยันด้วยลายนิ้วมือหรือใบหน้าตามที่ธนาคารแนะนำ

ชื่อเมนูอาจต่างกันเล็กน้อยในแต่ละเวอร์ชัน

## อัปเดตเบอร์โทรและอีเมลสำรองให้ถูกต้อง

เบอร์โทรต้องเป็นเบอร์ที่ **ลงทะเบียนในชื่อคุณ** และยังใช้อยู่ เมื่อเปลี่ยนเบอร์ ให้แก้ไขในบัญชีต่าง ๆ ก่อนเลิกใช้เบอร์เก่า

## กฎทอง

**รหัส OTP เป็นของคุณคนเดียว** ไม่มีใคร ไม่ว่าพนักงานธนาคาร ตำรวจ หรือเพื่อน มีเหตุผลที่ต้องขอรหัสนี้

## สัญญาณว่าบัญชีถูกขโมย

เพื่อนได้รับข้อความแปลก ๆ จากคุณ มีการแจ้งเตือนเข้าสู่ระบบจากเครื่องที่ไม่รู้จัก หรือรหัสผ่านใช้ไม่ได้ขึ้นมาเฉย ๆ ให้เปลี่ยนรหัสผ่านทันที ออกจากระบบในเครื่องที่ไม่รู้จัก และบอกเพื่อน ๆ **ทีมดิจิทัลชุมชน** ช่วยคุณได้
`,
    },
    checklist: {
      title: {
        vi: 'Bảo vệ các tài khoản quan trọng',
        en: 'Protect your important accounts',
        th: 'ปกป้องบัญชีสำคัญของคุณ',
      },
      steps: [
        {
          title: { vi: 'Liệt kê các tài khoản quan trọng: ngân hàng, email, Zalo, Facebook, VNeID', en: 'List your important accounts: bank, email, messaging apps, Facebook, digital ID', th: 'จดรายชื่อบัญชีสำคัญ: ธนาคาร อีเมล LINE Facebook' },
        },
        {
          title: { vi: 'Đổi mật khẩu yếu hoặc dùng chung thành mật khẩu dài, riêng biệt', en: 'Replace weak or shared passwords with long, separate ones', th: 'เปลี่ยนรหัสผ่านที่เดาง่ายหรือใช้ซ้ำ ให้เป็นรหัสยาวและไม่ซ้ำกัน' },
        },
        {
          title: { vi: 'Bật xác thực 2 bước cho email', en: 'Turn on 2-step verification for your email', th: 'เปิดการยืนยันสองขั้นตอนสำหรับอีเมล' },
        },
        {
          title: { vi: 'Bật xác thực 2 bước cho mạng xã hội và ứng dụng nhắn tin', en: 'Turn on 2-step verification for social media and messaging apps', th: 'เปิดการยืนยันสองขั้นตอนสำหรับโซเชียลมีเดียและแอปแชต' },
        },
        {
          title: { vi: 'Cài đặt Smart OTP hoặc sinh trắc học trong ứng dụng ngân hàng', en: 'Set up Smart OTP or biometrics in your bank app', th: 'ตั้งค่าการยืนยันด้วยลายนิ้วมือหรือใบหน้าในแอปธนาคาร' },
        },
        {
          title: { vi: 'Kiểm tra số điện thoại và email khôi phục', en: 'Check your recovery phone number and email', th: 'ตรวจเบอร์โทรและอีเมลสำรอง' },
        },
        {
          title: { vi: 'Đăng xuất các thiết bị lạ', en: 'Sign out of devices you do not recognise', th: 'ออกจากระบบในเครื่องที่ไม่รู้จัก' },
        },
      ],
    },
  },
  {
    key: 'use-zalo-safely',
    chapterKey: 'online-safety',
    title: {
      vi: 'Dùng Zalo an toàn',
      en: 'Using Zalo safely',
    },
    summary: {
      vi: 'Zalo là nơi cả thôn nhắn tin, gọi điện, nhận thông báo. Vài cài đặt đơn giản và vài thói quen tốt giúp bạn tránh bị chiếm tài khoản và bị lừa.',
      en: 'Zalo is where the whole village messages, calls and gets announcements. A few simple settings and good habits keep your account from being taken over and you from being tricked.',
    },
    body: {
      vi: `## Zalo và những rủi ro

Zalo rất tiện: nhắn tin, gọi video, nhận thông báo của thôn, của xã. Nhưng kẻ gian cũng dùng Zalo để chiếm tài khoản, giả làm người quen và lừa tiền.

## Cài đặt nên làm ngay

Trong Zalo, vào **Cá nhân**, bấm biểu tượng cài đặt, rồi xem mục **Tài khoản và bảo mật** (tên mục có thể khác tùy phiên bản):

- Đặt **mã khóa Zalo** để người khác cầm điện thoại của bạn cũng không mở được Zalo.
- Bật **bảo mật 2 lớp** nếu phiên bản của bạn có.
- Xem danh sách **thiết bị đăng nhập**. Thấy máy lạ, hãy đăng xuất ngay và đổi mật khẩu.

Trong mục **Quyền riêng tư**, chọn ai được xem nhật ký, ai được nhắn tin, ai tìm thấy bạn qua số điện thoại.

## Những thói quen an toàn

- **Không quét mã QR đăng nhập Zalo** do người khác gửi, dù họ nói là "nhận quà" hay "xác minh". Quét mã đó là bạn cho người ta vào tài khoản của mình.
- **Không đọc mã xác thực** Zalo gửi về điện thoại cho ai.
- **Không bấm link lạ**, không tải file có đuôi ".apk" qua tin nhắn.
- Cẩn thận với các nhóm "việc nhẹ lương cao", "đầu tư sinh lời", "lấy lại tiền bị lừa": đó thường là lừa đảo.

## Khi người quen nhắn vay tiền

Tài khoản của người quen có thể đã bị chiếm. Kẻ gian còn có thể gọi video rất ngắn, hình mờ, dùng khuôn mặt và giọng nói giả. Hãy:

1. **Gọi điện thoại thường** cho người đó bằng số bạn đã lưu từ trước.
2. Hỏi một chuyện chỉ hai người biết.
3. Chưa chắc chắn thì **không chuyển tiền**.

## Nhóm Zalo của thôn, của xã

Nhóm Zalo giúp bà con nhận tin nhanh. Nhưng thông tin trong nhóm có thể chưa chính xác. Với thông báo quan trọng về thủ tục, tiền bạc, hãy đối chiếu với trang Baan của xã hoặc hỏi trực tiếp cán bộ. Đừng chuyển tiếp tin chưa rõ nguồn.

## Nếu bị chiếm tài khoản

- Đăng nhập lại bằng số điện thoại của bạn, đổi mật khẩu, đăng xuất thiết bị lạ.
- Nhờ người thân báo cho bạn bè: "Tài khoản Zalo của tôi bị chiếm, đừng chuyển tiền."
- Nếu đã có người bị lừa, trình báo công an.

**Tổ công nghệ số cộng đồng** có thể cùng bạn kiểm tra các cài đặt này.
`,
      en: `## Zalo and its risks

Zalo is very handy: messages, video calls, announcements from your village and commune. But criminals also use Zalo to take over accounts, pretend to be your friends and steal money.

## Settings to change now

In Zalo, open **Cá nhân** (Personal), tap the settings icon, then look at **Tài khoản và bảo mật** (Account and security). The names can differ between versions.

- Set a **Zalo lock code** so nobody holding your phone can open Zalo.
- Turn on **2-layer security** (bảo mật 2 lớp) if your version has it.
- Look at the list of **signed-in devices**. If you see one you do not know, sign it out at once and change your password.

Under **Quyền riêng tư** (Privacy), choose who can see your timeline, who can message you and who can find you by phone number.

## Safe habits

- **Never scan a Zalo login QR code** sent by someone else, even if they say it is "to get a gift" or "to verify". Scanning it lets them into your account.
- **Never read out the verification code** that Zalo sends to your phone.
- **Do not click strange links** or download files ending in ".apk" from messages.
- Be careful with groups about "easy jobs, high pay", "investments with profit" or "getting scammed money back": they are usually scams.

## When a friend asks to borrow money

Your friend's account may have been taken. Scammers can even make very short, blurry video calls with a fake face and voice. So:

1. **Make a normal phone call** to that person on the number you saved earlier.
2. Ask about something only the two of you know.
3. If you are not sure, **do not send money**.

## Village and commune Zalo groups

Groups help people get news fast. But what is posted there may not be accurate. For important notices about procedures or money, compare with your commune's Baan site or ask an official directly. Do not forward messages whose source you do not know.

## If your account is taken over

- Sign in again with your phone number, change the password and sign out unknown devices.
- Ask family to tell your friends: "My Zalo account was taken; do not send money."
- If someone was already tricked, report to the police.

The **community tech team** can check these settings with you.
`,
    },
  },
  {
    key: 'check-news-sources',
    chapterKey: 'online-safety',
    title: {
      vi: 'Kiểm tra nguồn tin trước khi tin và chia sẻ',
      en: 'Check the source before you believe and share',
      th: 'ตรวจสอบแหล่งข่าวก่อนเชื่อและก่อนแชร์',
    },
    summary: {
      vi: 'Tin giả lan rất nhanh trên mạng xã hội. Năm câu hỏi đơn giản giúp bạn phân biệt tin thật, tin giả trước khi bấm chia sẻ.',
      en: 'False news spreads fast on social media. Five simple questions help you tell true from false before you tap share.',
      th: 'ข่าวปลอมแพร่เร็วมากบนโซเชียลมีเดีย คำถามง่าย ๆ ห้าข้อช่วยให้คุณแยกข่าวจริงกับข่าวปลอมก่อนกดแชร์',
    },
    body: {
      vi: `## Vì sao phải kiểm tra?

Mỗi ngày bạn nhận rất nhiều tin qua Zalo, Facebook, TikTok. Có tin đúng, có tin sai, có tin cố ý bịa ra để câu khách, bán hàng hoặc lừa đảo. Tin sai về sức khỏe, giá nông sản hay chính sách có thể khiến bà con mất tiền, mất sức khỏe, hoang mang.

## Năm câu hỏi trước khi chia sẻ

1. **Ai đăng tin này?** Một cơ quan, một tờ báo có tên tuổi, hay một tài khoản lạ?
2. **Đăng khi nào?** Tin cũ từ nhiều năm trước thường bị đăng lại như tin mới.
3. **Có nguồn chính thức nào nói giống vậy không?** Hãy tìm trên trang của cơ quan nhà nước hoặc báo chí chính thống.
4. **Tiêu đề có giật gân không?** "Khẩn cấp", "sốc", "chia sẻ ngay kẻo muộn" là dấu hiệu đáng ngờ.
5. **Ảnh, video có thật không?** Ảnh có thể là ảnh cũ, ảnh ở nơi khác, hoặc bị cắt ghép. Video có thể làm giả cả khuôn mặt và giọng nói.

## Nguồn tin đáng tin cậy

- Trang web của cơ quan nhà nước, có đuôi **.gov.vn**.
- Báo chí, đài phát thanh, truyền hình chính thống.
- Loa truyền thanh của xã, thông báo trên **trang Baan của xã**.
- Cán bộ thôn, xã khi bạn hỏi trực tiếp.

## Tin về sức khỏe và thuốc

Không tin các bài "chữa khỏi bệnh" bằng bài thuốc lạ, không mua thuốc qua livestream. Hãy hỏi **trạm y tế xã** hoặc bác sĩ.

## Tin về tiền bạc, chính sách

Tin "được nhận hỗ trợ", "được hoàn tiền", "chính sách mới, đăng ký ngay qua link" thường là lừa đảo. Hãy hỏi **bộ phận một cửa** của xã trước khi điền bất cứ thông tin nào.

## Khi không chắc: đừng chia sẻ

Chia sẻ tin sai, dù vô tình, cũng làm hại người khác. Đăng và chia sẻ thông tin sai sự thật trên mạng còn có thể bị xử phạt theo quy định pháp luật. Nếu đã lỡ chia sẻ, hãy gỡ xuống và nói cho mọi người biết tin đó sai.

## Giúp người lớn tuổi trong nhà

Ông bà, cha mẹ thường tin những gì người quen gửi. Hãy nhẹ nhàng chỉ cho họ năm câu hỏi trên. **Tổ công nghệ số cộng đồng** cũng có thể nói chuyện này trong các buổi sinh hoạt của thôn.
`,
      en: `## Why check?

Every day you get lots of news through Zalo, LINE, Facebook and TikTok. Some is true, some is wrong, and some is made up on purpose to get clicks, sell things or scam people. False news about health, crop prices or government policy can cost people money, harm their health or cause panic.

## Five questions before you share

1. **Who posted this?** A government body, a well-known newspaper, or an unknown account?
2. **When was it posted?** Old stories from years ago are often re-posted as new.
3. **Does an official source say the same?** Look on government websites or in mainstream news.
4. **Is the headline sensational?** "Urgent", "shocking", "share before it's too late" are warning signs.
5. **Are the photos and videos real?** A photo may be old, from another place, or edited. Videos can fake both a face and a voice.

## Sources you can trust

- Government websites, ending in **.gov.vn** in Vietnam or **.go.th** in Thailand.
- Mainstream newspapers, radio and television.
- The commune loudspeakers and notices on **your commune's Baan site**.
- Village and commune officials, when you ask them directly.

## Health news and medicines

Do not trust posts about "miracle cures" or buy medicines from livestreams. Ask the **commune health station** or a doctor.

## News about money and policies

Messages like "you can receive support", "you will get a refund" or "new policy, register now through this link" are often scams. Ask the commune's **one-stop office** before you type in any information.

## If you are not sure: do not share

Sharing false news, even by accident, harms others. Posting and sharing false information online can also be fined under the law. If you already shared it, take it down and tell people it was wrong.

## Help the older people at home

Grandparents and parents often believe whatever friends send them. Gently show them these five questions. The **community tech team** can also talk about this at village meetings.
`,
      th: `## ทำไมต้องตรวจสอบ

ทุกวันคุณได้รับข่าวมากมายผ่าน LINE Facebook และ TikTok บางข่าวจริง บางข่าวผิด และบางข่าวถูกแต่งขึ้นเพื่อเรียกยอดคลิก ขายของ หรือหลอกลวง ข่าวผิด ๆ เรื่องสุขภาพ ราคาพืชผล หรือนโยบายรัฐ อาจทำให้เสียเงิน เสียสุขภาพ หรือตื่นตระหนก

## ห้าคำถามก่อนแชร์

1. **ใครเป็นคนโพสต์** หน่วยงานรัฐ สำนักข่าวที่มีชื่อเสียง หรือบัญชีที่ไม่รู้จัก
2. **โพสต์เมื่อไร** ข่าวเก่าหลายปีมักถูกนำมาโพสต์ใหม่เหมือนเป็นข่าวล่าสุด
3. **มีแหล่งทางการบอกแบบเดียวกันไหม** ลองค้นในเว็บไซต์หน่วยงานรัฐหรือสำนักข่าวหลัก
4. **พาดหัวเร้าอารมณ์หรือเปล่า** คำว่า "ด่วนที่สุด" "ช็อก" "รีบแชร์ก่อนถูกลบ" เป็นสัญญาณน่าสงสัย
5. **รูปและวิดีโอจริงไหม** รูปอาจเป็นรูปเก่า รูปจากที่อื่น หรือถูกตัดต่อ วิดีโอสามารถปลอมได้ทั้งใบหน้าและเสียง

## แหล่งข่าวที่เชื่อถือได้

- เว็บไซต์หน่วยงานรัฐที่ลงท้ายด้วย **.go.th**
- หนังสือพิมพ์ วิทยุ และโทรทัศน์ที่เป็นสื่อหลัก
- เสียงตามสายของหมู่บ้าน และประกาศบน **เว็บไซต์ Baan ของตำบล**
- ผู้ใหญ่บ้านและเจ้าหน้าที่ตำบล เมื่อคุณถามโดยตรง

## ข่าวสุขภาพและยา

อย่าเชื่อโพสต์ "รักษาหายขาด" ด้วยยาแปลก ๆ และอย่าซื้อยาจากไลฟ์สด ให้ถาม **โรงพยาบาลส่งเสริมสุขภาพตำบล (รพ.สต.)** หรือแพทย์

## ข่าวเรื่องเงินและนโยบาย

ข้อความแบบ "รับเงินช่วยเหลือ" "ได้รับเงินคืน" หรือ "นโยบายใหม่ ลงทะเบียนด่วนผ่านลิงก์นี้" มักเป็นการหลอกลวง ให้ถามเจ้าหน้าที่ตำบลก่อนกรอกข้อมูลใด ๆ

## ถ้าไม่แน่ใจ อย่าแชร์

การแชร์ข่าวปลอม แม้จะไม่ได้ตั้งใจ ก็ทำให้คนอื่นเดือดร้อน และอาจมีความผิดตามกฎหมาย ถ้าแชร์ไปแล้ว ให้ลบออกและบอกทุกคนว่าข่าวนั้นไม่จริง

## ช่วยผู้สูงอายุในบ้าน

ปู่ย่าตายายและพ่อแม่มักเชื่อสิ่งที่คนรู้จักส่งมา ค่อย ๆ สอนห้าคำถามนี้ให้ท่าน **ทีมดิจิทัลชุมชน** ก็พูดเรื่องนี้ในการประชุมหมู่บ้านได้
`,
    },
  },

  // ──────────────────────── Digital society: skills and the community tech team ────────────────────────
  {
    key: 'use-smartphone-safely',
    chapterKey: 'digital-skills',
    title: {
      vi: 'Dùng điện thoại thông minh an toàn',
      en: 'Use your smartphone safely',
      th: 'ใช้สมาร์ตโฟนอย่างปลอดภัย',
    },
    summary: {
      vi: 'Khóa màn hình, cập nhật phần mềm, chỉ cài ứng dụng từ kho chính thức và cảnh giác với quyền lạ: những việc đơn giản giữ điện thoại và tiền của bạn an toàn.',
      en: 'Lock your screen, keep software updated, install apps only from official stores and watch out for strange permissions: simple habits that keep your phone and your money safe.',
      th: 'ล็อกหน้าจอ อัปเดตซอฟต์แวร์ ติดตั้งแอปจากร้านค้าทางการเท่านั้น และระวังการขอสิทธิ์แปลก ๆ นิสัยง่าย ๆ ที่ช่วยให้โทรศัพท์และเงินของคุณปลอดภัย',
    },
    body: {
      vi: `## Điện thoại là chiếc ví của bạn

Trong điện thoại có ứng dụng ngân hàng, VNeID, Zalo, ảnh gia đình. Giữ điện thoại an toàn cũng là giữ tiền và giấy tờ của bạn.

## Khóa màn hình

Đặt **mã PIN 6 số**, hình vẽ hoặc vân tay để mở máy. Không dùng "123456" hay ngày sinh. Không cho người lạ mượn điện thoại khi chưa khóa các ứng dụng quan trọng.

## Cập nhật phần mềm

Khi điện thoại báo có bản cập nhật hệ điều hành hoặc ứng dụng, hãy cập nhật khi có Wi-Fi và pin đầy. Bản cập nhật vá các lỗ hổng mà kẻ gian có thể lợi dụng.

## Chỉ cài ứng dụng từ kho chính thức

- Chỉ cài từ **Google Play** (Android) hoặc **App Store** (iPhone).
- **Không cài file ".apk"** gửi qua tin nhắn, Zalo hay trang web lạ, dù người gửi nói là ứng dụng của công an, thuế, điện lực hay ngân hàng. Ứng dụng giả này có thể lấy sạch tiền trong tài khoản.
- Trên Android, để tắt mục cho phép **cài ứng dụng không rõ nguồn gốc**, và để bật **Google Play Protect**.

## Cảnh giác với quyền lạ

Khi một ứng dụng xin quyền, hãy đọc kỹ. Đặc biệt cảnh giác khi ứng dụng đòi:

- **Quyền trợ năng** (Accessibility), hoặc quyền **hiển thị trên ứng dụng khác**: ứng dụng lừa đảo hay đòi quyền này để điều khiển điện thoại.
- Quyền đọc tin nhắn, trong khi ứng dụng đó không liên quan gì đến tin nhắn.

Nếu không chắc, bấm **Từ chối** và hỏi tổ công nghệ số cộng đồng.

## Wi-Fi công cộng

Wi-Fi miễn phí ở quán, chợ, bến xe tiện nhưng không an toàn. Không đăng nhập ngân hàng hay chuyển tiền khi dùng Wi-Fi công cộng; hãy dùng dữ liệu di động (3G/4G) của bạn.

## Sao lưu và tìm điện thoại

- Bật sao lưu danh bạ và ảnh vào tài khoản Google hoặc iCloud.
- Bật **Tìm thiết bị** (Android) hoặc **Tìm iPhone**.

## Khi mất điện thoại

1. Dùng máy khác để khóa hoặc xóa điện thoại từ xa.
2. Báo nhà mạng khóa SIM.
3. Gọi tổng đài ngân hàng khóa tạm ứng dụng ngân hàng.
4. Báo công an nếu bị trộm.

## Trước khi bán, cho điện thoại cũ

Đăng xuất các tài khoản, sao lưu dữ liệu, rồi **khôi phục cài đặt gốc**. Tháo SIM và thẻ nhớ.
`,
      en: `## Your phone is your wallet

Your phone holds your bank app, your digital ID, your messaging apps and family photos. Keeping the phone safe keeps your money and documents safe.

## Lock the screen

Set a **6-digit PIN**, a pattern or your fingerprint to unlock the phone. Do not use "123456" or your birthday. Do not lend your phone to strangers while important apps are unlocked.

## Update the software

When your phone says a system or app update is available, install it when you have Wi-Fi and a full battery. Updates fix weaknesses that criminals could use.

## Install apps only from official stores

- Only install from **Google Play** (Android) or the **App Store** (iPhone).
- **Never install ".apk" files** sent by message or from strange websites, even if the sender says it is an app from the police, the tax office, the power company or a bank. Such fake apps can empty your bank account.
- On Android, keep **install unknown apps** turned off and **Google Play Protect** turned on.

## Watch out for strange permissions

When an app asks for a permission, read carefully. Be especially careful when an app asks for:

- **Accessibility** permission, or permission to **display over other apps**: scam apps ask for these to control your phone.
- Permission to read your text messages, when the app has nothing to do with messages.

If you are not sure, tap **Deny** and ask the community tech team.

## Public Wi-Fi

Free Wi-Fi in cafés, markets and bus stations is handy but not safe. Do not sign in to your bank or transfer money on public Wi-Fi; use your own mobile data instead.

## Back up and find your phone

- Turn on backup of contacts and photos to your Google account or iCloud.
- Turn on **Find My Device** (Android) or **Find My iPhone**.

## If you lose your phone

1. Use another device to lock or erase your phone remotely.
2. Ask your mobile network to block the SIM card.
3. Call your bank's hotline to lock your banking app.
4. Report a theft to the police.

## Before selling or giving away an old phone

Sign out of your accounts, back up your data, then do a **factory reset**. Take out the SIM card and memory card.
`,
      th: `## โทรศัพท์คือกระเป๋าสตางค์ของคุณ

ในโทรศัพท์มีแอปธนาคาร แอปแชต และรูปครอบครัว การดูแลโทรศัพท์ให้ปลอดภัยก็คือการดูแลเงินและเอกสารของคุณ

## ล็อกหน้าจอ

ตั้ง **รหัส PIN 6 หลัก** รูปแบบลากเส้น หรือลายนิ้วมือเพื่อปลดล็อก อย่าใช้ "123456" หรือวันเกิด อย่าให้คนแปลกหน้ายืมโทรศัพท์ขณะที่แอปสำคัญยังไม่ได้ล็อก

## อัปเดตซอฟต์แวร์

เมื่อโทรศัพท์แจ้งว่ามีอัปเดตระบบหรือแอป ให้อัปเดตตอนที่มี Wi-Fi และแบตเตอรี่เต็ม การอัปเดตช่วยปิดช่องโหว่ที่มิจฉาชีพใช้โจมตี

## ติดตั้งแอปจากร้านค้าทางการเท่านั้น

- ติดตั้งจาก **Google Play** (Android) หรือ **App Store** (iPhone) เท่านั้น
- **อย่าติดตั้งไฟล์ ".apk"** ที่ส่งมาทางข้อความหรือจากเว็บไซต์แปลก ๆ แม้ผู้ส่งจะอ้างว่าเป็นแอปของตำรวจ สรรพากร การไฟฟ้า หรือธนาคาร แอปปลอมแบบนี้ดูดเงินจากบัญชีของคุณได้
- บน Android ให้ปิดการ **ติดตั้งแอปที่ไม่รู้จัก** และเปิด **Google Play Protect** ไว้

## ระวังการขอสิทธิ์แปลก ๆ

เมื่อแอปขอสิทธิ์ ให้อ่านให้ดี ระวังเป็นพิเศษเมื่อแอปขอ

- สิทธิ์ **การช่วยเหลือพิเศษ (Accessibility)** หรือสิทธิ์ **แสดงทับแอปอื่น** แอปมิจฉาชีพมักขอสิทธิ์นี้เพื่อควบคุมโทรศัพท์
- สิทธิ์อ่านข้อความ SMS ทั้งที่แอปนั้นไม่เกี่ยวกับข้อความเลย

ถ้าไม่แน่ใจ ให้กด **ปฏิเสธ** แล้วถามทีมดิจิทัลชุมชน

## Wi-Fi สาธารณะ

Wi-Fi ฟรีในร้านกาแฟ ตลาด หรือสถานีขนส่งสะดวกแต่ไม่ปลอดภัย อย่าเข้าแอปธนาคารหรือโอนเงินขณะใช้ Wi-Fi สาธารณะ ให้ใช้อินเทอร์เน็ตมือถือของคุณเองแทน

## สำรองข้อมูลและตามหาเครื่อง

- เปิดการสำรองรายชื่อติดต่อและรูปภาพไว้ในบัญชี Google หรือ iCloud
- เปิด **ค้นหาอุปกรณ์ (Find My Device)** บน Android หรือ **ค้นหา iPhone ของฉัน**

## เมื่อโทรศัพท์หาย

1. ใช้เครื่องอื่นล็อกหรือลบข้อมูลในโทรศัพท์จากระยะไกล
2. แจ้งค่ายมือถือให้ระงับซิม
3. โทรหาธนาคารเพื่อระงับแอปธนาคารชั่วคราว
4. ถ้าถูกขโมย ให้แจ้งความกับตำรวจ

## ก่อนขายหรือยกโทรศัพท์เครื่องเก่าให้คนอื่น

ออกจากระบบทุกบัญชี สำรองข้อมูล แล้ว **รีเซ็ตเป็นค่าจากโรงงาน** ถอดซิมและการ์ดหน่วยความจำออก
`,
    },
    checklist: {
      title: {
        vi: 'Kiểm tra an toàn cho điện thoại',
        en: 'Safety check for your phone',
        th: 'ตรวจความปลอดภัยของโทรศัพท์',
      },
      steps: [
        {
          title: { vi: 'Đặt khóa màn hình bằng mã PIN hoặc vân tay', en: 'Set a screen lock with a PIN or fingerprint', th: 'ตั้งล็อกหน้าจอด้วยรหัส PIN หรือลายนิ้วมือ' },
        },
        {
          title: { vi: 'Cập nhật hệ điều hành và các ứng dụng', en: 'Update the system and your apps', th: 'อัปเดตระบบและแอปต่าง ๆ' },
        },
        {
          title: { vi: 'Tắt cài ứng dụng không rõ nguồn gốc, bật Google Play Protect', en: 'Turn off unknown-app installs and turn on Google Play Protect', th: 'ปิดการติดตั้งแอปที่ไม่รู้จัก และเปิด Google Play Protect' },
        },
        {
          title: { vi: 'Xem lại ứng dụng đã cài, gỡ ứng dụng lạ', en: 'Review installed apps and remove ones you do not know', th: 'ตรวจแอปที่ติดตั้งไว้ และลบแอปที่ไม่รู้จัก' },
          detail: { vi: 'Chú ý ứng dụng có quyền trợ năng hoặc hiển thị trên ứng dụng khác.', en: 'Look for apps with Accessibility or display-over-other-apps permission.', th: 'ดูแอปที่มีสิทธิ์การช่วยเหลือพิเศษหรือแสดงทับแอปอื่นเป็นพิเศษ' },
        },
        {
          title: { vi: 'Bật sao lưu danh bạ và ảnh', en: 'Turn on backup of contacts and photos', th: 'เปิดการสำรองรายชื่อติดต่อและรูปภาพ' },
        },
        {
          title: { vi: 'Bật Tìm thiết bị hoặc Tìm iPhone', en: 'Turn on Find My Device or Find My iPhone', th: 'เปิดค้นหาอุปกรณ์หรือค้นหา iPhone ของฉัน' },
        },
      ],
    },
  },
  {
    key: 'first-steps-with-smartphone',
    chapterKey: 'digital-skills',
    title: {
      vi: 'Làm quen với điện thoại thông minh',
      en: 'First steps with a smartphone',
    },
    summary: {
      vi: 'Chữ to hơn, nói thay vì gõ, biết khi nào dùng Wi-Fi hay 3G/4G và lưu số khẩn cấp: vài điều giúp người lớn tuổi dùng điện thoại dễ dàng hơn.',
      en: 'Bigger text, speaking instead of typing, knowing when to use Wi-Fi or mobile data, and saving emergency numbers: a few things that make a smartphone easier for older people.',
    },
    body: {
      vi: `## Không ai sinh ra đã biết dùng điện thoại

Nếu bạn mới dùng điện thoại thông minh, đừng ngại. Hãy học từng việc nhỏ, mỗi ngày một chút. Con cháu và **tổ công nghệ số cộng đồng** luôn sẵn lòng giúp.

## Cho chữ to, dễ nhìn

Vào **Cài đặt**, tìm mục **Màn hình** hoặc **Hiển thị**, chọn **Cỡ chữ** và kéo sang lớn hơn. Nhiều máy còn có chế độ **đơn giản** với biểu tượng to. Tên mục có thể khác tùy loại máy.

## Nói thay vì gõ

Gõ chữ có dấu trên màn hình nhỏ rất khó. Trên bàn phím, bấm vào **biểu tượng micro** rồi nói chậm, rõ: điện thoại sẽ tự viết ra chữ. Bạn cũng có thể gửi **tin nhắn thoại** trên Zalo.

## Wi-Fi hay 3G/4G?

- **Wi-Fi** là mạng không dây trong nhà, ở nhà văn hóa thôn hay quán xá. Dùng Wi-Fi trong nhà để xem video, cập nhật ứng dụng mà không tốn dữ liệu di động.
- **Dữ liệu di động (3G/4G)** là mạng của nhà mạng, dùng được ở mọi nơi có sóng. Nên mua gói cước phù hợp để không bị tính cước cao ngoài ý muốn.
- Khi chuyển tiền, làm thủ tục: ưu tiên Wi-Fi của nhà bạn hoặc dữ liệu di động của bạn, không dùng Wi-Fi công cộng.

## Lưu số điện thoại quan trọng

- Lưu số người thân, trưởng thôn, trạm y tế, thành viên tổ công nghệ số cộng đồng, kèm ảnh để dễ nhận ra.
- Các số khẩn cấp ở Việt Nam: **113** (công an), **114** (cứu hỏa, cứu nạn), **115** (cấp cứu y tế).

## Tiết kiệm pin

Giảm độ sáng màn hình, tắt Bluetooth và định vị khi không dùng, đóng ứng dụng chạy ngầm không cần thiết. Sạc bằng bộ sạc đi kèm máy hoặc loại tốt, không để máy nóng quá.

## Dùng sổ tay này

Bạn đang đọc sổ tay số của xã trên trang Baan. Hãy lưu trang này lên màn hình chính để mở nhanh lần sau. Mỗi bài có danh sách việc cần làm, bạn có thể làm theo từng bước.

## Tập luyện cùng nhau

Cách học nhanh nhất là làm thật: gửi một tin nhắn thoại cho con cháu, chụp một bức ảnh, gọi một cuộc gọi video. Nếu bấm nhầm, đừng lo: hầu hết mọi thứ đều quay lại được bằng nút **Quay lại**.

## Hai điều luôn ghi nhớ

- Không đọc mã OTP, mật khẩu cho bất kỳ ai.
- Không bấm link lạ, không cài ứng dụng theo lời người lạ.
`,
      en: `## Nobody is born knowing how to use a phone

If you are new to smartphones, do not worry. Learn one small thing at a time, a little each day. Your children and grandchildren and the **community tech team** are always happy to help.

## Make the text bigger

Open **Settings**, find **Display** or **Screen**, choose **Font size** and slide it larger. Many phones also have an **easy mode** with big icons. The names can differ between phone models.

## Speak instead of typing

Typing Vietnamese with accents on a small screen is hard. On the keyboard, tap the **microphone icon** and speak slowly and clearly: the phone writes the words for you. You can also send **voice messages** in Zalo.

## Wi-Fi or mobile data?

- **Wi-Fi** is the wireless network at home, at the village cultural house or in a café. Use your home Wi-Fi to watch videos and update apps without using up mobile data.
- **Mobile data (3G/4G)** comes from your phone network and works wherever there is signal. Choose a data plan that suits you so you do not get unexpected charges.
- When sending money or doing official procedures, use your home Wi-Fi or your own mobile data, not public Wi-Fi.

## Save important numbers

- Save the numbers of your relatives, the village head, the health station and the community tech team members, with photos so you recognise them.
- Emergency numbers in Vietnam: **113** (police), **114** (fire and rescue), **115** (ambulance).

## Save battery

Lower the screen brightness, turn off Bluetooth and location when you are not using them, and close apps you do not need. Charge with the charger that came with the phone or a good-quality one, and do not let the phone overheat.

## Using this handbook

You are reading your commune's digital handbook on its Baan site. Add this page to your home screen to open it quickly next time. Many articles have a checklist you can follow step by step.

## Practise together

The fastest way to learn is to do it for real: send a voice message to a grandchild, take a photo, make a video call. If you tap the wrong thing, don't worry: you can usually go back with the **Back** button.

## Two things to always remember

- Never read out an OTP code or password to anyone.
- Never click strange links or install apps because a stranger told you to.
`,
    },
  },
  {
    key: 'join-community-tech-team',
    chapterKey: 'digital-skills',
    title: {
      vi: 'Tổ công nghệ số cộng đồng: nhờ giúp đỡ và tham gia',
      en: 'The community tech team: getting help and joining',
      th: 'ทีมดิจิทัลชุมชน: ขอความช่วยเหลือและมาร่วมเป็นอาสาสมัคร',
    },
    summary: {
      vi: 'Tổ công nghệ số cộng đồng là những người trong thôn, bản hướng dẫn bà con dùng điện thoại, dịch vụ công trực tuyến và thanh toán số. Biết họ là ai, họ giúp gì và cách tham gia cùng tổ.',
      en: 'The community digital-technology team are people from your own village who help neighbours use phones, online public services and digital payments. Learn who they are, how they help and how to join.',
      th: 'ทีมดิจิทัลชุมชนคือคนในหมู่บ้านที่ช่วยเพื่อนบ้านใช้โทรศัพท์ บริการออนไลน์ และการจ่ายเงินดิจิทัล รู้ว่าพวกเขาเป็นใคร ช่วยอะไรได้ และจะเข้าร่วมได้อย่างไร',
    },
    body: {
      vi: `## Tổ công nghệ số cộng đồng là ai?

Ở nhiều thôn, bản, tổ dân phố có **tổ công nghệ số cộng đồng**. Thành viên là những người bà con tin cậy, thường gồm trưởng thôn, đoàn viên thanh niên, hội viên phụ nữ, công an viên, giáo viên, nhân viên bưu điện hay nhà mạng, và những người dân biết dùng điện thoại sẵn lòng giúp đỡ. Họ nói tiếng của bạn, hiểu cuộc sống ở thôn bản và có thể đến tận nhà.

## Tổ giúp bạn những gì?

- Cài đặt và kích hoạt **VNeID**, tích hợp giấy tờ vào Ví giấy tờ.
- Nộp hồ sơ trên **Cổng Dịch vụ công quốc gia**: khai sinh, cư trú, đổi giấy phép lái xe...
- Cài ứng dụng ngân hàng, trả tiền bằng **mã QR**, trả hóa đơn điện, nước.
- Mở gian hàng và đăng sản phẩm trên **chợ Baan** của xã.
- Nhận biết **lừa đảo**, kiểm tra điện thoại có ứng dụng lạ, cài đặt bảo mật.
- Giới thiệu chính sách mới, cập nhật sổ tay này cho phù hợp với thôn bản.

## Tổ không làm những gì?

- **Không hỏi mật khẩu, mã OTP, mã PIN** của bạn. Bạn luôn tự nhập.
- Không cầm thẻ căn cước hay điện thoại của bạn mang đi nơi khác.
- Không chuyển tiền hộ bạn.

Nếu có người xưng là thành viên tổ mà đòi tiền, đòi mã OTP hay mật khẩu, hãy báo ngay trưởng thôn hoặc Ủy ban nhân dân xã.

## Tìm tổ ở đâu?

Hỏi **trưởng thôn** hoặc **Ủy ban nhân dân xã**. Trang Baan của xã cũng có mục liên hệ với những người cần gọi khi cần giúp đỡ. Khi đến nhờ tổ, hãy mang theo:

- Điện thoại đã sạc đầy pin.
- Thẻ căn cước và giấy tờ cần cho việc bạn muốn làm.
- Mật khẩu của bạn trong đầu (hoặc trong sổ riêng), để tự nhập.

## Bạn muốn tham gia?

Tổ luôn cần thêm người, nhất là người trẻ và người nói được tiếng dân tộc của thôn bản. Bạn cần:

- Biết dùng điện thoại thông minh và sẵn lòng học thêm.
- **Kiên nhẫn**, nói chậm, giải thích bằng lời dễ hiểu.
- **Tôn trọng sự riêng tư**: không xem, không ghi lại thông tin của người khác.

Hãy đăng ký với trưởng thôn, Đoàn thanh niên hoặc Ủy ban nhân dân xã. Thành viên mới thường được hướng dẫn, tập huấn trước khi đi giúp bà con.

## Cùng nhau, không ai bị bỏ lại phía sau

Một người biết giúp mười người biết. Khi bạn đã làm được, hãy chỉ lại cho người thân và hàng xóm.
`,
      en: `## Who is the community tech team?

Many villages and neighbourhoods in Vietnam have a **community digital-technology team** (tổ công nghệ số cộng đồng). Its members are people the community trusts, often the village head, Youth Union members, Women's Union members, local police officers, teachers, post-office or phone-company staff, and residents who know phones well and like to help. They speak your language, understand village life and can come to your home.

## How can the team help you?

- Install and activate **VNeID** and add documents to its wallet.
- Apply on the **National Public Service Portal**: birth registration, residence, driving licence renewal and more.
- Install a bank app, pay by **QR code**, pay electricity and water bills.
- Open a shop and post products on your commune's **Baan marketplace**.
- Recognise **scams**, check your phone for unknown apps, set up security.
- Explain new policies and keep this handbook up to date for your village.

## What the team does not do

- They **never ask for your password, OTP or PIN**. You always type them yourself.
- They do not take your ID card or phone away.
- They do not transfer money for you.

If someone says they are from the team but asks for money, an OTP or a password, tell the village head or the commune People's Committee at once.

## Where to find the team

Ask the **village head** or the **commune People's Committee**. Your commune's Baan site also lists who to call for help. When you go for help, bring:

- Your phone, fully charged.
- Your ID card and the documents needed for what you want to do.
- Your passwords in your head (or your private notebook), so you can type them yourself.

## Would you like to join?

The team always needs more people, especially young people and people who speak the ethnic-minority languages of the village. You need to:

- Know how to use a smartphone and be willing to learn more.
- Be **patient**, speak slowly and explain in simple words.
- **Respect privacy**: never look at or note down other people's information.

Sign up with the village head, the Youth Union or the commune People's Committee. New members usually receive guidance and training before they go out to help.

## Together, nobody is left behind

One person who knows can help ten more. Once you can do it, show your family and neighbours.
`,
      th: `## ทีมดิจิทัลชุมชนคือใคร

ในหลายหมู่บ้านมี **ทีมดิจิทัลชุมชน** หรืออาสาสมัครที่ช่วยชาวบ้านเรื่องเทคโนโลยี สมาชิกเป็นคนที่ชุมชนไว้ใจ เช่น ผู้ใหญ่บ้าน อาสาสมัครในหมู่บ้าน ครู เยาวชน และคนที่ใช้โทรศัพท์เป็นและอยากช่วยเหลือผู้อื่น พวกเขาพูดภาษาเดียวกับคุณ เข้าใจชีวิตในหมู่บ้าน และมาช่วยถึงบ้านได้

## ทีมช่วยอะไรคุณได้บ้าง

- ติดตั้งแอปและสมัครบริการออนไลน์ของรัฐที่คุณต้องใช้
- ติดตั้งแอปธนาคาร จ่ายเงินด้วย **คิวอาร์โค้ดหรือพร้อมเพย์** ชำระค่าน้ำค่าไฟ
- เปิดร้านและลงขายสินค้าบน **ตลาด Baan** ของตำบล
- รู้ทัน **มิจฉาชีพ** ตรวจหาแอปแปลกปลอมในโทรศัพท์ ตั้งค่าความปลอดภัย
- อธิบายข่าวสารและนโยบายใหม่ ๆ และช่วยปรับคู่มือนี้ให้เหมาะกับหมู่บ้าน

## สิ่งที่ทีมไม่ทำ

- **ไม่ขอรหัสผ่าน รหัส OTP หรือรหัส PIN** ของคุณ คุณต้องกดเองทุกครั้ง
- ไม่นำบัตรประชาชนหรือโทรศัพท์ของคุณไปที่อื่น
- ไม่โอนเงินแทนคุณ

ถ้ามีคนอ้างว่าเป็นสมาชิกทีมแต่ขอเงิน ขอรหัส OTP หรือรหัสผ่าน ให้แจ้งผู้ใหญ่บ้านหรือเจ้าหน้าที่ตำบลทันที

## หาทีมได้ที่ไหน

ถาม **ผู้ใหญ่บ้าน** หรือ **ที่ทำการองค์การบริหารส่วนตำบล** เว็บไซต์ Baan ของตำบลก็มีรายชื่อคนที่ติดต่อได้เมื่อต้องการความช่วยเหลือ เวลาไปขอให้ช่วย ให้เตรียม

- โทรศัพท์ที่ชาร์จแบตเตอรี่เต็ม
- บัตรประชาชนและเอกสารที่ต้องใช้สำหรับเรื่องที่จะทำ
- รหัสผ่านที่คุณจำได้ (หรือจดไว้ในสมุดส่วนตัว) เพื่อกดเอง

## อยากมาร่วมทีมไหม

ทีมต้องการคนเพิ่มเสมอ โดยเฉพาะคนรุ่นใหม่และคนที่พูดภาษาชาติพันธุ์ของหมู่บ้านได้ สิ่งที่ต้องมีคือ

- ใช้สมาร์ตโฟนเป็น และพร้อมเรียนรู้เพิ่ม
- **ใจเย็น** พูดช้า ๆ อธิบายด้วยคำง่าย ๆ
- **เคารพความเป็นส่วนตัว** ไม่แอบดูหรือจดข้อมูลของคนอื่น

สมัครได้ที่ผู้ใหญ่บ้านหรือที่ทำการตำบล สมาชิกใหม่มักได้รับคำแนะนำหรือการอบรมก่อนออกไปช่วยชาวบ้าน

## ไปด้วยกัน ไม่ทิ้งใครไว้ข้างหลัง

คนที่รู้หนึ่งคนช่วยให้อีกสิบคนรู้ได้ เมื่อคุณทำเป็นแล้ว ให้สอนคนในครอบครัวและเพื่อนบ้านต่อ
`,
    },
    checklist: {
      title: {
        vi: 'Tham gia tổ công nghệ số cộng đồng',
        en: 'Join the community tech team',
        th: 'มาร่วมทีมดิจิทัลชุมชน',
      },
      steps: [
        {
          title: { vi: 'Hỏi trưởng thôn hoặc Ủy ban nhân dân xã về tổ của thôn mình', en: "Ask the village head or the commune People's Committee about your village's team", th: 'ถามผู้ใหญ่บ้านหรือที่ทำการตำบลเรื่องทีมของหมู่บ้าน' },
        },
        {
          title: { vi: 'Đăng ký tham gia', en: 'Sign up', th: 'สมัครเป็นอาสาสมัคร' },
        },
        {
          title: { vi: 'Tham gia buổi hướng dẫn, tập huấn của xã', en: 'Attend the guidance or training sessions', th: 'เข้าร่วมการอบรมหรือการแนะนำ' },
        },
        {
          title: { vi: 'Đọc kỹ sổ tay này để hướng dẫn bà con cho đúng', en: 'Read this handbook carefully so you guide people correctly', th: 'อ่านคู่มือนี้ให้ละเอียด เพื่อแนะนำชาวบ้านได้ถูกต้อง' },
        },
        {
          title: { vi: 'Luôn để người dân tự nhập mật khẩu, mã OTP', en: 'Always let people type their own passwords and OTP codes', th: 'ให้ชาวบ้านกดรหัสผ่านและรหัส OTP เองทุกครั้ง' },
        },
      ],
    },
  },
];
