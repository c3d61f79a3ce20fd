"""Labelled paragraphs in many languages, shared by the language-detection and decoding tests."""

from __future__ import annotations

PARAGRAPHS: dict[str, str] = {
    "en": "The city council voted on Tuesday to approve a new budget for public transport. "
    "Officials said the plan would add more buses to the busiest routes and that fares will "
    "not rise this year. Critics argued that the money should have been spent on repairing "
    "roads.",
    "fr": "Le gouvernement a présenté mardi un nouveau plan pour réduire la consommation "
    "d'énergie dans les bâtiments publics. Selon le ministre, les mesures entreront en "
    "vigueur dès le mois prochain et concerneront plus de dix mille écoles. Les syndicats "
    "estiment cependant que les moyens prévus ne sont pas suffisants.",
    "de": "Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Schutz der Wälder "
    "beschlossen. Nach Angaben des Ministeriums sollen die Länder mehr Geld für die "
    "Aufforstung erhalten. Umweltverbände kritisierten jedoch, dass die Maßnahmen nicht weit "
    "genug gehen und zu spät kommen.",
    "es": "El Gobierno aprobó este martes una nueva ley para mejorar el acceso a la vivienda "
    "en las grandes ciudades. Según el ministerio, la norma permitirá limitar los precios del "
    "alquiler en las zonas más tensionadas. Los propietarios, sin embargo, advierten de que "
    "la medida reducirá la oferta de pisos.",
    "gl": "O Goberno galego aprobou onte un novo plan para mellorar o transporte público nas "
    "zonas rurais. Segundo a conselleira, as primeiras liñas de autobús estarán en "
    "funcionamento antes do verán. Os alcaldes da comarca valoraron a medida, pero lembraron "
    "que aínda non hai datas para os cambios nas estradas.",
    "pt": "O governo anunciou nesta quarta-feira um novo pacote de medidas para apoiar as "
    "famílias afetadas pela subida dos preços. Segundo o ministro, os apoios serão pagos "
    "ainda este mês e vão abranger mais de dois milhões de pessoas. A oposição considera que "
    "as medidas chegam tarde e não resolvem o problema da habitação.",
    "ca": "El Govern ha aprovat aquest dimarts un nou pla per reduir el consum d'aigua durant "
    "la sequera. Segons el conseller, les restriccions s'aplicaran a més de dos-cents "
    "municipis i es revisaran cada mes. Els pagesos consideren que les mesures arriben tard "
    "i que no tenen en compte les necessitats del camp.",
    "it": "Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico nel "
    "centro della città. Secondo l'assessore, le nuove zone pedonali saranno attive già dal "
    "prossimo mese e ridurranno lo smog. I commercianti della zona, però, temono che la "
    "misura possa allontanare i clienti dai loro negozi.",
    "ro": "Guvernul a adoptat marți o nouă ordonanță privind sprijinirea fermierilor "
    "afectați de secetă. Potrivit ministrului Agriculturii, banii vor fi plătiți până la "
    "sfârșitul lunii și vor ajunge la peste zece mii de ferme. Reprezentanții asociațiilor "
    "spun însă că sumele sunt prea mici și că ajutorul vine cu întârziere.",
    "nl": "De gemeenteraad heeft dinsdagavond ingestemd met het nieuwe plan voor de "
    "binnenstad. Volgens de wethouder moeten er de komende jaren meer fietspaden en groene "
    "pleinen komen. Ondernemers zijn niet blij met de maatregelen, omdat zij vrezen dat hun "
    "klanten met de auto niet meer bij de winkels kunnen komen.",
    "af": "Die regering het Dinsdag aangekondig dat die prys van brandstof volgende maand "
    "weer gaan styg. Volgens die minister is dit nie moontlik om die verhoging te keer nie, "
    "omdat die olieprys wêreldwyd hoër is. Baie motoriste sê hulle sal nou minder ry en meer "
    "van openbare vervoer gebruik maak.",
    "sv": "Regeringen presenterade på tisdagen ett nytt förslag om att sänka skatten på el "
    "för hushållen. Enligt finansministern ska sänkningen gälla från och med januari och "
    "kosta staten flera miljarder kronor. Oppositionen menar att förslaget kommer för sent "
    "och att det inte hjälper de som har det svårast.",
    "da": "Regeringen fremlagde tirsdag et nyt forslag om at sænke afgiften på el for "
    "husholdningerne. Ifølge skatteministeren skal nedsættelsen gælde fra januar, og den vil "
    "koste staten flere milliarder kroner om året. Forslaget blev mødt med kritik af "
    "oppositionen, som mener, at det kommer alt for sent og ikke hjælper de familier, der "
    "har mest brug for det.",
    "no": "Regjeringen la tirsdag fram et nytt forslag om å senke avgiften på strøm for "
    "husholdningene. Ifølge finansministeren skal endringen gjelde fra januar, og den vil "
    "koste staten flere milliarder kroner i året. Forslaget ble møtt med kritikk av "
    "opposisjonen, som mener at det kommer altfor sent og ikke hjelper de familiene som "
    "trenger det mest.",
    "fi": "Hallitus esitteli tiistaina uuden suunnitelman, jonka tavoitteena on vähentää "
    "liikenteen päästöjä. Ministerin mukaan uudet säännöt tulevat voimaan jo ensi vuonna, ja "
    "ne koskevat myös raskasta liikennettä. Opposition mielestä suunnitelma on kuitenkin "
    "liian kallis, eikä se auta maaseudulla asuvia ihmisiä.",
    "et": "Valitsus kiitis teisipäeval heaks uue plaani, mille eesmärk on vähendada liikluse "
    "heitmeid. Ministri sõnul jõuavad uued reeglid kehtima juba järgmisel aastal ning need "
    "puudutavad ka raskeveokeid. Opositsiooni hinnangul on plaan aga liiga kallis ja see ei "
    "aita maal elavaid inimesi.",
    "pl": "Rząd przyjął we wtorek projekt ustawy, który ma obniżyć ceny energii dla "
    "gospodarstw domowych. Według ministra nowe przepisy wejdą w życie od stycznia i obejmą "
    "ponad dziesięć milionów rodzin. Opozycja twierdzi jednak, że pomoc jest zbyt mała i "
    "przychodzi za późno.",
    "cs": "Vláda ve středu schválila nový zákon, který má snížit ceny energií pro domácnosti. "
    "Podle ministra financí začnou nová pravidla platit od ledna a budou se týkat více než "
    "tří milionů rodin. Opozice však tvrdí, že pomoc je příliš malá a přichází pozdě.",
    "sk": "Vláda v stredu schválila nový zákon, ktorý má znížiť ceny energií pre domácnosti. "
    "Podľa ministra financií začnú nové pravidlá platiť od januára a budú sa týkať viac ako "
    "troch miliónov rodín. Opozícia však tvrdí, že pomoc je príliš malá a prichádza neskoro.",
    "hu": "A kormány kedden új törvényjavaslatot nyújtott be a parlamentnek, amely "
    "csökkentené a háztartások energiaszámláit. A miniszter szerint az új szabályok már "
    "januártól érvényesek lesznek, és több mint hárommillió családot érintenek. Az ellenzék "
    "szerint azonban a támogatás túl kevés, és későn érkezik.",
    "tr": "Hükümet salı günü enerji fiyatlarını düşürmeyi amaçlayan yeni bir yasa tasarısını "
    "meclise sundu. Bakanın açıklamasına göre yeni düzenleme ocak ayından itibaren yürürlüğe "
    "girecek ve üç milyondan fazla aileyi kapsayacak. Muhalefet ise desteğin çok az "
    "olduğunu ve geç kaldığını söyledi.",
    "id": "Pemerintah pada hari Selasa mengumumkan rencana baru untuk menurunkan harga "
    "listrik bagi rumah tangga. Menurut menteri, aturan tersebut akan mulai berlaku pada "
    "bulan Januari dan mencakup lebih dari sepuluh juta keluarga. Namun, pihak oposisi "
    "menilai bahwa bantuan itu terlalu kecil dan datang terlambat.",
    "ms": "Kerajaan pada hari Selasa mengumumkan rancangan baharu untuk menurunkan harga "
    "elektrik bagi isi rumah. Menurut menteri, peraturan tersebut akan mula berkuat kuasa "
    "pada bulan Januari dan melibatkan lebih daripada sepuluh juta keluarga. Bagaimanapun, "
    "pihak pembangkang berpendapat bahawa bantuan itu terlalu kecil dan datang lewat.",
    "hr": "Vlada je u utorak predstavila novi zakon koji bi trebao smanjiti cijene energije "
    "za kućanstva. Prema riječima ministra, nova pravila stupit će na snagu od siječnja i "
    "obuhvatit će više od tri milijuna obitelji. Oporba tvrdi da je pomoć premala i da "
    "dolazi prekasno.",
    "sl": "Vlada je v torek predstavila nov zakon, ki naj bi znižal cene energije za "
    "gospodinjstva. Po besedah ministra bodo nova pravila začela veljati januarja in bodo "
    "zajela več kot tri milijone družin. Opozicija trdi, da je pomoč premajhna in da prihaja "
    "prepozno.",
    "eo": "La registaro marde anoncis novan planon por malaltigi la prezon de elektro por "
    "familioj. Laŭ la ministro, la novaj reguloj ekvalidos en januaro kaj tuŝos pli ol dek "
    "milionojn da familioj. La opozicio tamen diras, ke la helpo estas tro malgranda kaj "
    "venas tro malfrue.",
    "ru": "Правительство во вторник одобрило новый законопроект, который должен снизить "
    "цены на электроэнергию для населения. По словам министра, новые правила вступят в силу "
    "с января и затронут более десяти миллионов семей. Оппозиция, однако, считает, что эта "
    "помощь слишком мала и приходит слишком поздно.",
    "uk": "Уряд у вівторок схвалив новий законопроєкт, який має знизити ціни на "
    "електроенергію для населення. За словами міністра, нові правила наберуть чинності з "
    "січня і стосуватимуться понад десяти мільйонів родин. Опозиція, однак, вважає, що ця "
    "допомога надто мала і надходить запізно.",
    "bg": "Правителството одобри във вторник нов законопроект, който трябва да намали "
    "цените на електроенергията за домакинствата. Според министъра новите правила ще влязат "
    "в сила от януари и ще засегнат над десет милиона семейства. Опозицията обаче смята, че "
    "помощта е твърде малка и идва твърде късно.",
    "sr": "Влада је у уторак усвојила нови закон који би требало да смањи цене струје за "
    "домаћинства. Према речима министра, нова правила ступиће на снагу од јануара и "
    "обухватиће више од три милиона породица. Опозиција тврди да је помоћ премала и да "
    "долази касно.",
    "el": "Η κυβέρνηση παρουσίασε την Τρίτη νέο νομοσχέδιο για τη μείωση του κόστους της "
    "ενέργειας. Σύμφωνα με τον υπουργό, τα νέα μέτρα θα ισχύσουν από τον Ιανουάριο.",
    "he": "הממשלה אישרה ביום שלישי תוכנית חדשה להורדת מחירי החשמל. לדברי השר, הצעדים "
    "ייכנסו לתוקף כבר בחודש הבא.",
    "ar": "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لخفض أسعار الكهرباء للأسر. وقال الوزير "
    "إن الإجراءات الجديدة ستدخل حيز التنفيذ في بداية العام المقبل، وستشمل أكثر من عشرة "
    "ملايين أسرة.",
    "fa": "دولت روز سه‌شنبه طرح تازه‌ای برای کاهش قیمت برق خانوارها اعلام کرد. به گفته "
    "وزیر، این اقدامات از ابتدای سال آینده اجرا می‌شود و بیش از ده میلیون خانواده را در "
    "بر می‌گیرد.",
    "ur": "حکومت نے منگل کے روز بجلی کی قیمتوں میں کمی کے لیے ایک نیا منصوبہ پیش کیا۔ وزیر "
    "کے مطابق یہ اقدامات اگلے سال کے آغاز سے نافذ ہوں گے اور ان سے ایک کروڑ سے زیادہ "
    "خاندانوں کو فائدہ پہنچے گا۔",
    "hi": "सरकार ने मंगलवार को बिजली की कीमतें कम करने के लिए एक नई योजना की घोषणा की। "
    "मंत्री ने कहा कि यह योजना अगले साल से लागू होगी और इससे एक करोड़ से अधिक परिवारों को "
    "फायदा होगा।",
    "mr": "सरकारने मंगळवारी वीज दर कमी करण्यासाठी नवीन योजना जाहीर केली आहे. मंत्र्यांनी "
    "सांगितले की ही योजना पुढील वर्षापासून लागू होणार आहे आणि याचा फायदा एक कोटीहून अधिक "
    "कुटुंबांना होईल.",
    "ne": "सरकारले मंगलबार बिजुलीको मूल्य घटाउन नयाँ योजना घोषणा गरेको छ। मन्त्रीका अनुसार "
    "यो योजना आगामी वर्षदेखि लागू हुनेछ र यसबाट एक करोडभन्दा बढी परिवारलाई फाइदा "
    "पुग्नेछ।",
    "bn": "সরকার মঙ্গলবার বিদ্যুতের দাম কমানোর জন্য একটি নতুন পরিকল্পনা ঘোষণা করেছে। "
    "মন্ত্রী বলেছেন, এই পরিকল্পনা আগামী বছর থেকে কার্যকর হবে।",
    "ta": "அரசு செவ்வாய்க்கிழமை மின்சார கட்டணத்தை குறைக்க புதிய திட்டத்தை அறிவித்தது. "
    "இந்த திட்டம் அடுத்த ஆண்டு முதல் நடைமுறைக்கு வரும் என்று அமைச்சர் தெரிவித்தார்.",
    "th": "รัฐบาลประกาศแผนใหม่เพื่อลดค่าไฟฟ้าสำหรับครัวเรือนเมื่อวันอังคาร "
    "รัฐมนตรีกล่าวว่ามาตรการนี้จะเริ่มมีผลตั้งแต่ต้นปีหน้า",
    "ka": "მთავრობამ სამშაბათს ელექტროენერგიის ფასების შემცირების ახალი გეგმა წარადგინა. "
    "მინისტრის თქმით, ახალი წესები მომავალი წლის დასაწყისიდან ამოქმედდება.",
    "hy": "Կառավարությունը երեքշաբթի օրը ներկայացրեց էլեկտրաէներգիայի գների նվազեցման նոր "
    "ծրագիր։ Նախարարի խոսքով՝ նոր կանոնները կուժի մեջ կմտնեն հաջորդ տարվա սկզբից։",
    "ko": "정부는 화요일 가정용 전기 요금을 낮추기 위한 새로운 계획을 발표했다. 장관은 이 "
    "조치가 내년 초부터 시행될 것이라고 말했다.",
    "ja": "政府は火曜日、家庭向けの電気料金を引き下げる新たな計画を発表した。大臣によると、"
    "この措置は来年初めから実施される見通しだ。",
    "zh": "政府周二宣布了一项降低家庭电费的新计划。部长表示，这些措施将从明年年初开始实施，"
    "预计将惠及一千多万个家庭。",
}
