"""HR policy FAQ bot for the internal Slack app, built with LangChain.

Retrieves the relevant policy excerpts from the vector store and answers from them only.
"""

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.vectorstores import VectorStore
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=400, temperature=0)

faq_prompt = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You answer employees' questions about company HR policies. "
            "Use only the policy excerpts provided. If the excerpts do not answer the question, say that you "
            "don't know and suggest writing to hr@northwind.example. Quote the policy name you relied on.",
        ),
        ("human", "Policy excerpts:\n{context}\n\nQuestion from {employee_name}: {question}"),
    ]
)

faq_chain = faq_prompt | llm | StrOutputParser()


def rewrite_as_search_query(question: str) -> str:
    """Turns a chatty Slack message into a short search query for the vector store."""
    result = llm.invoke(
        [
            SystemMessage(content="Rewrite the user's message as a short search query. Reply with the query only."),
            HumanMessage(content=question),
        ]
    )
    return str(result.content).strip()


def answer(question: str, employee_name: str, store: VectorStore) -> str:
    query = rewrite_as_search_query(question)
    excerpts = store.similarity_search(query, k=4)
    context = "\n\n".join(f"[{doc.metadata.get('policy', 'unknown')}]\n{doc.page_content}" for doc in excerpts)
    return faq_chain.invoke({"context": context, "question": question, "employee_name": employee_name})
