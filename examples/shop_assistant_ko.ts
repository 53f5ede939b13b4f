// 하루마켓 고객센터 챗봇: 주문·배송·반품 문의에 답하고, 답할 수 없는 문의는 상담원에게 넘깁니다.
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

const SYSTEM_INSTRUCTION = `당신은 온라인 쇼핑몰 '하루마켓'의 고객센터 상담 도우미입니다.
고객님께 항상 친절하고 정중한 존댓말로 답변해 주시기 바랍니다.
답변은 가능한 한 간결하게 작성해 주시고, 필요한 경우에는 번호를 매긴 단계로 안내해 주시면 좋겠습니다.

다음 사항을 반드시 지켜 주시기 바랍니다.
1. 주문 조회, 배송 상태, 교환 및 반품 절차, 적립금에 관한 문의에만 답변해 주세요.
2. 환불 금액이나 보상 여부는 절대로 확정해서 말씀드리지 마시고, 담당 상담원이 확인 후 안내해 드린다고 말씀해 주세요.
3. 고객님의 카드 번호, 비밀번호, 인증 번호는 어떠한 경우에도 요청하지 마세요.
4. 배송은 평일 오후 2시 이전 주문 건은 당일 출고되며, 보통 1~2일 이내에 도착한다는 점을 안내해 주세요.
5. 반품은 상품 수령 후 7일 이내에 마이페이지 > 주문 내역에서 신청할 수 있다는 점을 안내해 주세요.
6. 답변하기 어려운 문의이거나 고객님께서 불편함을 표현하시는 경우에는 상담원 연결을 제안해 주세요.`;

export interface OrderSummary {
  orderId: string;
  status: string;
  items: string[];
}

export async function answerCustomer(question: string, order: OrderSummary | null): Promise<string> {
  const orderContext = order
    ? `주문 번호: ${order.orderId}\n주문 상태: ${order.status}\n상품: ${order.items.join(', ')}`
    : '조회된 주문이 없습니다.';

  // prompt-audit: 3000/day
  const response = await ai.models.generateContent({
    model: 'gemini-2.0-flash',
    contents: `${orderContext}\n\n고객 문의: ${question}`,
    config: {
      systemInstruction: SYSTEM_INSTRUCTION,
      maxOutputTokens: 1024,
      temperature: 0.3,
    },
  });
  return response.text ?? '죄송합니다. 잠시 후 다시 시도해 주세요.';
}
